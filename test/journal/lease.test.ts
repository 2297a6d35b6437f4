import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { discover, resumeRun } from "../../src/discover/index.js";
import { RunBusyError } from "../../src/discover/errors.js";
import { acquireLease, RunStore } from "../../src/journal/index.js";
import { runCli } from "../helpers/cli.js";
import { candidateExplainer, parabolaWorld } from "../discover/stand-ins.js";

const explain = candidateExplainer(["a*x + b", "a*x^2 + b"]);
const openWorld = async (_spec: unknown, o: { seed: number; queryOffset?: number }) => parabolaWorld(o.seed, o.queryOffset ?? 0);
const options = { world: { name: "parabola" }, seed: 5, rounds: 2, batch: 4, initialCount: 6, patience: 2 };

/** The pid of a process that has exited (and been reaped). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", ""]);
  return r.pid!;
}

describe("run leases", () => {
  it("refuse a second driver while the first holds the run, naming pid, host and since when", () => {
    const store = RunStore.memory();
    const first = acquireLease(store.db, "r1");
    expect(() => acquireLease(store.db, "r1")).toThrow(RunBusyError);
    expect(() => store.claimRun("r1")).toThrow(new RegExp(`^run r1 is being driven by pid ${process.pid} on host ${hostname()} since \\d{4}-\\d\\d-\\d\\dT`));
    expect(store.leaseHolder("r1")).toMatchObject({ pid: process.pid, host: hostname() });
    first.release();
    expect(store.leaseHolder("r1")).toBeUndefined();
    store.claimRun("r1").release();
  });

  it("are taken over at once from a dead process on this host", () => {
    const store = RunStore.memory();
    acquireLease(store.db, "r1", { pid: deadPid(), host: hostname() });
    expect(store.leaseHolder("r1")).toBeUndefined();
    expect(() => store.claimRun("r1")).not.toThrow();
  });

  it("from another host, live until the heartbeat expires", () => {
    const store = RunStore.memory();
    const live = acquireLease(store.db, "r1", { pid: 1, host: "elsewhere.invalid" }, 60_000);
    expect(() => store.claimRun("r1")).toThrow(/driven by pid 1 on host elsewhere\.invalid/);
    live.release();
    acquireLease(store.db, "r2", { pid: 1, host: "elsewhere.invalid" }, -1);
    expect(() => store.claimRun("r2")).not.toThrow();
  });

  it("tell a holder whose lease was taken over that it lost the run", () => {
    const store = RunStore.memory();
    const stale = acquireLease(store.db, "r1", { pid: deadPid(), host: hostname() });
    const taker = store.claimRun("r1");
    expect(() => stale.renew()).toThrow(/^lost run r1: run r1 is being driven by pid/);
    // The loser's release must not free the winner's lease.
    stale.release();
    expect(store.leaseHolder("r1")).toBeDefined();
    taker.renew();
    taker.release();
  });

  it("are released when a run ends, and a resume of a run driven elsewhere is refused before the world starts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-lease-"));
    const store = RunStore.open(dir);
    await discover(options, { store, explain, openWorld, runId: "p1" });
    expect(store.leaseHolder("p1")).toBeUndefined();
    // Pretend a live process (our parent) drives it, as a CLI `resume` would.
    store.setStatus("p1", "running");
    const other = acquireLease(store.db, "p1", { pid: process.ppid, host: hostname() });
    const before = store.observations("p1").length;
    let opened = false;
    const spyOpen: typeof openWorld = async (spec, o) => {
      opened = true;
      return openWorld(spec, o);
    };
    await expect(resumeRun("p1", { store, explain, openWorld: spyOpen })).rejects.toThrow(RunBusyError);
    expect(opened).toBe(false);
    expect(store.observations("p1").length).toBe(before);
    expect(store.getRun("p1")?.status).toBe("running");
    store.close();

    const cli = await runCli(["resume", "p1", "--store", dir]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(new RegExp(`^worldbreaker: run p1 is being driven by pid ${process.ppid} on host .* since .*\\n$`));
    const list = await runCli(["resume", "--store", dir]);
    expect(list.stdout).toMatch(new RegExp(`p1  running .*\\(pid ${process.ppid} on `));
    // The holder's own handle lives on a closed connection here; an operator's override frees the run.
    expect(() => other.renew()).toThrow();
    const again = RunStore.open(dir);
    again.releaseLease("p1");
    again.close();
    const list2 = await runCli(["resume", "--store", dir]);
    expect(list2.stdout).toMatch(/p1 {2}interrupted/);
  });
});
