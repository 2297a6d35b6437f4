import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { splitCommandLine } from "../../src/worlds/command-line.js";
import { openWorld } from "../../src/worlds/open.js";

const FIX = "test/fixtures/worlds";
const node = JSON.stringify(process.execPath);
const cmd = (script: string, ...args: string[]) => [node, `${FIX}/${script}`, ...args].join(" ");
const open = (line: string, opts: { timeoutMs?: number; retries?: number; onRestart?: (w: string) => void } = {}) =>
  openWorld({ external: line }, { seed: 1, cwd: process.cwd(), timeoutMs: opts.timeoutMs ?? 5000, retries: opts.retries, onRestart: opts.onRestart });

describe("command lines", () => {
  it("split like a shell without running one", () => {
    expect(splitCommandLine(`python3 sim.py --name "my world" 'a b' c\\ d`)).toEqual(["python3", "sim.py", "--name", "my world", "a b", "c d"]);
    expect(splitCommandLine(`echo "say \\"hi\\"" x|y`)).toEqual(["echo", 'say "hi"', "x|y"]);
    expect(() => splitCommandLine(`a "b`)).toThrow(/unterminated double quote/);
    expect(() => splitCommandLine("   ")).toThrow(/empty/);
  });
});

describe("external worlds (JSON lines)", () => {
  it("describe, run and close a well-behaved world; out-of-range experiments are never sent", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-ext-"));
    const log = join(dir, "requests.log");
    const w = await open(cmd("good-world.mjs", "--log", JSON.stringify(log)));
    expect(w.info).toMatchObject({ name: "line", shape: "simulator", receivedTheory: "a*x", output: { name: "y", unit: "m" } });
    expect(w.info.inputs[0]).toEqual({ name: "x", min: 0, max: 10, kind: "real", initial: [0, 1], unit: "m" });
    expect(await w.run([{ x: 1, z: 0 }, { x: 2.5, z: 3 }])).toEqual([2, 8]);
    await expect(w.run([{ x: 11, z: 0 }])).rejects.toThrow(/input 'x' = 11 is outside its range \[0, 10\]/);
    await expect(w.run([{ x: 1, z: 0.5 }])).rejects.toThrow(/input 'z' must be an integer/);
    await w.close();
    const sent = readFileSync(log, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(sent.map((r) => r.op)).toEqual(["describe", "run", "close"]);
    expect(sent[1].inputs).toEqual([{ x: 1, z: 0 }, { x: 2.5, z: 3 }]);
  });

  it("turns non-finite outputs into null and rejects a wrong number of outputs or an error answer", async () => {
    const inf = await open(cmd("good-world.mjs", "--infinite"));
    expect(await inf.run([{ x: 9.5, z: 0 }, { x: 1, z: 0 }])).toEqual([null, 2]);
    await inf.close();
    const short = await open(cmd("good-world.mjs", "--short"));
    await expect(short.run([{ x: 1, z: 0 }, { x: 2, z: 0 }])).rejects.toThrow(/answered 1 outputs for 2 experiments/);
    await short.close();
    const err = await open(cmd("good-world.mjs", "--error"));
    await expect(err.run([{ x: 1, z: 0 }])).rejects.toThrow(/answered an error: the laser is off/);
    await err.close();
  });

  it("restarts a crashed world and retries the request", async () => {
    const restarts: string[] = [];
    const w = await open(cmd("crashing-world.mjs"), { onRestart: (why) => restarts.push(why) });
    expect(await w.run([{ x: 0.5 }])).toEqual([1.5]);
    // The second run request crashes the process; the retry on a fresh process succeeds.
    expect(await w.run([{ x: 1 }])).toEqual([3]);
    expect(restarts).toHaveLength(1);
    expect(restarts[0]).toMatch(/exited with code 139 \(stderr: segmentation fault \(simulated\)\); restarting \(1\/2\)/);
    await w.close();
  });

  it("gives up on a world that crashes every time, after a bounded number of attempts", async () => {
    const w = await open(cmd("crashing-world.mjs", "--always"), { retries: 2 });
    await expect(w.run([{ x: 0.5 }])).rejects.toThrow(/exited with code 139.*gave up after 3 attempts/);
    await w.close();
  });

  it("times out a hanging world, restarts it and finally reports the timeout", async () => {
    const w = await open(cmd("hanging-world.mjs"), { timeoutMs: 300, retries: 1 });
    const t0 = Date.now();
    await expect(w.run([{ x: 0.5 }])).rejects.toThrow(/did not answer within 300 ms; gave up after 2 attempts/);
    expect(Date.now() - t0).toBeLessThan(4000);
    await w.close();
  });

  it("reports a garbage answer line clearly, quoting it", async () => {
    const w = await open(cmd("garbage-world.mjs"));
    await expect(w.run([{ x: 0.5 }])).rejects.toThrow(/answered a line that is not JSON: "computing\.\.\. done! y = 42"/);
    await w.close();
  });

  it("refuses worlds that lie about their ranges, naming the field", async () => {
    await expect(open(cmd("lying-world.mjs", "--initial"))).rejects.toThrow(/bad describe answer: inputs\[0\]\.initial: initial \[20, 30\] lies outside \[0, 10\]/);
    await expect(open(cmd("lying-world.mjs", "--reversed"))).rejects.toThrow(/bad describe answer: inputs\[0\]\.max: max \(0\) must exceed min \(10\)/);
    await expect(open(cmd("lying-world.mjs", "--theory"))).rejects.toThrow(/bad describe answer: receivedTheory: .*column/);
    const w = await open(cmd("lying-world.mjs", "--changes"));
    await expect(w.run([{ x: 1 }])).rejects.toThrow(/described itself differently after a restart/);
    await w.close();
  });

  it("reports a command that cannot start", async () => {
    await expect(open("definitely-not-a-command-xyz")).rejects.toThrow(/could not start 'definitely-not-a-command-xyz': ENOENT/);
  });
});

describe("interrupting an external world", () => {
  it("kills a hanging world at once when the signal aborts, without retrying", async () => {
    const controller = new AbortController();
    const w = await openWorld({ external: cmd("hanging-world.mjs") }, { seed: 1, cwd: process.cwd(), timeoutMs: 20_000, signal: controller.signal });
    const t0 = Date.now();
    setTimeout(() => controller.abort(), 200);
    await expect(w.run([{ x: 0.5 }])).rejects.toThrow(/interrupted/);
    expect(Date.now() - t0).toBeLessThan(5000);
    await w.close();
  });
});
