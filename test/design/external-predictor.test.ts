import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DesignError } from "../../src/design/errors.js";
import { commandPredictor, externalPredictor } from "../../src/design/external-predictor.js";

let server: Server;
let url = "";
const received: unknown[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      const r = JSON.parse(body);
      received.push(r);
      res.setHeader("content-type", "application/json");
      if (r.sequences[0] === "BAD") return void res.end(JSON.stringify({ results: [{ fmax: 1 }] }));
      if (r.sequences[0] === "SHORT") return void res.end(JSON.stringify({ results: [{ modes: [[1], [1], [1]] }] }));
      res.end(JSON.stringify({ results: r.sequences.map((s: string) => ({ fmax: s.length, energy: 2 * s.length, history: new Array(25).fill(0.5) })) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/predict`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("external predictors", () => {
  it("speak the JSON protocol over HTTP", async () => {
    const p = externalPredictor(url, process.cwd());
    const r = await p.force(["ACDE", "AC"], { seed: 3, replicas: 2 });
    expect(r.map((x) => x.fmax)).toEqual([4, 2]);
    expect(received.at(-1)).toEqual({ op: "predict", kind: "force", sequences: ["ACDE", "AC"], seed: 3, replicas: 2 });
  });
  it("reject malformed answers naming the field", async () => {
    const p = externalPredictor(url, process.cwd());
    await expect(p.force(["BAD"], { seed: 1, replicas: 1 })).rejects.toThrow(/result 1: field 'energy'/);
    await expect(p.modes(["SHORT"], { seed: 1, replicas: 1 })).rejects.toThrow(/each mode needs 5 amplitudes/);
  });
  it("speak JSON lines with a child process and close it", async () => {
    const p = commandPredictor("node test/fixtures/design/predictor.mjs", process.cwd());
    const r = await p.modes(["AWA"], { seed: 0, replicas: 1 });
    r[0].modes[0].forEach((v, i) => expect(v).toBeCloseTo([1, 2 / 3, 1 / 3][i], 12));
    await p.close();
    await expect(p.modes(["AWA"], { seed: 0, replicas: 1 })).rejects.toThrow(/closed/);
  });
  it("split the command line as external worlds do (quotes, no shell); a bad one is a DesignError", async () => {
    const quoted = commandPredictor(`node 'test/fixtures/design/predictor.mjs'`, process.cwd());
    expect((await quoted.modes(["AWA"], { seed: 0, replicas: 1 }))[0].modes).toHaveLength(3);
    await quoted.close();
    expect(() => commandPredictor(`python3 "oops`, process.cwd())).toThrow(DesignError);
    expect(() => commandPredictor(`python3 "oops`, process.cwd())).toThrow(/^predictor command: unterminated double quote$/);
    expect(() => commandPredictor("   ", process.cwd())).toThrow(/^predictor command is empty$/);
  });
});
