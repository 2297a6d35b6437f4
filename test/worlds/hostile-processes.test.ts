import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { RunStore } from "../../src/journal/index.js";
import { openWorld } from "../../src/worlds/open.js";
import { runCli } from "../helpers/cli.js";

const FIX = "test/fixtures/worlds";
const node = JSON.stringify(process.execPath);

/** Whether `pid` is a live process (a zombie waiting to be reaped counts as gone). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw err;
  }
  const stat = `/proc/${pid}/stat`;
  return !(existsSync(stat) && readFileSync(stat, "utf8").split(") ")[1]?.startsWith("Z"));
}

/** Waits (bounded) until `pid` is gone; returns whether it went. */
async function gone(pid: number, waitMs = 5000): Promise<boolean> {
  for (let t = 0; t < waitMs; t += 50) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !alive(pid);
}

async function readPid(file: string): Promise<number> {
  for (let t = 0; t < 5000; t += 20) {
    if (existsSync(file) && readFileSync(file, "utf8").trim() !== "") return Number(readFileSync(file, "utf8").trim());
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no pid in ${file}`);
}

describe("an external world that writes endlessly without a newline", () => {
  it("is ended with a clear error, not a crash, as soon as the line passes the limit", async () => {
    const w = await openWorld({ external: `${node} ${FIX}/endless-world.mjs` }, { seed: 1, cwd: process.cwd(), timeoutMs: 20_000 });
    await expect(w.run([{ x: 0.5 }])).rejects.toThrow(/external world .*: wrote more than 16777216 bytes without a newline$/);
    await w.close();
  });

  it("while describing itself gives a one-line error", async () => {
    await expect(openWorld({ external: `${node} ${FIX}/endless-world.mjs --describe` }, { seed: 1, cwd: process.cwd(), timeoutMs: 20_000 })).rejects.toThrow(
      /wrote more than 16777216 bytes without a newline while describing itself/,
    );
  });

  it("leaves the run marked failed in the journal, and the CLI prints one line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-endless-"));
    const r = await runCli(["discover", "--external", `${node} ${resolve(FIX, "endless-world.mjs")}`, "--store", dir, "--rounds", "0", "--initial", "4", "--evaluations", "50"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n").at(-1)).toMatch(/^worldbreaker: external world .*wrote more than 16777216 bytes without a newline$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const store = RunStore.open(dir);
    const [run] = store.listRuns();
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/without a newline/);
    store.close();
  });
});

describe("a world wrapped in sh that hangs", () => {
  it("is ended with its whole process group: the shell's sleeping child does not survive", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-shhang-"));
    const pidFile = join(dir, "child.pid");
    const opening = openWorld({ external: `sh ${FIX}/sh-hang.sh ${pidFile}` }, { seed: 1, cwd: process.cwd(), timeoutMs: 300, retries: 0 });
    await expect(opening).rejects.toThrow(/did not answer within 300 ms/);
    const child = await readPid(pidFile);
    expect(await gone(child), `the sleeping child ${child} was orphaned`).toBe(true);
  });

  it("does not keep the CLI alive after the run gave up", async () => {
    expect(existsSync(resolve("dist/cli/main.js")), "dist/ is missing: run `npm run build` (npm test does)").toBe(true);
    const dir = mkdtempSync(join(tmpdir(), "wb-shhang-cli-"));
    const pidFile = join(dir, "child.pid");
    const cli = spawn(process.execPath, [resolve("bin/worldbreaker.js"), "discover", "--external", `sh ${resolve(FIX, "sh-hang.sh")} ${pidFile}`, "--store", join(dir, "store")], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, WORLDBREAKER_WORLD_TIMEOUT: "0.3" },
    });
    let stderr = "";
    cli.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
    const code = await new Promise<number | null>((done) => cli.on("exit", (c) => done(c)));
    expect(code, stderr).toBe(2);
    expect(stderr).toMatch(/did not answer within 300 ms while describing itself/);
    expect(await gone(await readPid(pidFile))).toBe(true);
  }, 20_000);

  it("is taken along when the CLI quits at once on a second Ctrl-C", async () => {
    expect(existsSync(resolve("dist/cli/main.js")), "dist/ is missing: run `npm run build` (npm test does)").toBe(true);
    const dir = mkdtempSync(join(tmpdir(), "wb-shhang-int-"));
    const pidFile = join(dir, "child.pid");
    const cli = spawn(process.execPath, [resolve("bin/worldbreaker.js"), "discover", "--external", `sh ${resolve(FIX, "sh-hang.sh")} ${pidFile}`, "--store", join(dir, "store")], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((done) => cli.on("exit", (c) => done(c)));
    const child = await readPid(pidFile);
    cli.kill("SIGINT");
    await new Promise((r) => setTimeout(r, 200));
    cli.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(await gone(child), `the sleeping child ${child} outlived the CLI`).toBe(true);
  }, 20_000);
});
