import { describe, expect, it } from "vitest";
import { gate } from "../../src/discover/gate.js";
import { applyVerdict } from "../../src/discover/revision.js";
import type { RunEvent } from "../../src/discover/events.js";
import type { LawState } from "../../src/core/law.js";
import { parse } from "../../src/expr/index.js";

const inputs = ["x", "t"];
const law = (text: string, bits: number, params: number[] = []): LawState => ({
  expr: parse(text, { variables: [...inputs, "cummax_x"] }),
  params,
  law: text,
  derived: text.includes("cummax_x") ? { cummax_x: "cummax(x)" } : {},
  bits: { model: bits / 4, data: (3 * bits) / 4, total: bits },
  r2: 0.9,
  rmse: 1,
});

describe("the gate", () => {
  it("accepts a challenger only when it saves more bits than the threshold", () => {
    const current = law("a*x + b", 100);
    expect(gate(current, law("a*x^2 + b", 89.5), 10, inputs)).toMatchObject({ kind: "accept", gainBits: 10.5 });
    expect(gate(current, law("a*x^2 + b", 90), 10, inputs)).toMatchObject({ kind: "reject", gainBits: 10 });
    expect(gate(current, law("a*x^2 + b", 95), 10, inputs)).toEqual({ kind: "reject", gainBits: 5, reason: "saves only 5.0 bits (threshold 10)" });
    expect(gate(current, law("a*x^2 + b", 120), 10, inputs)).toEqual({ kind: "reject", gainBits: -20, reason: "does not shorten the description" });
    expect(gate(current, law("a*x^2 + b", 99), 0, inputs)).toMatchObject({ kind: "accept" });
  });

  it("keeps the current law quietly when there is no challenger or only its own form refitted", () => {
    const current = law("a*x + b", 100);
    expect(gate(current, undefined, 10, inputs).kind).toBe("keep");
    expect(gate(current, law("c*x + d", 95, [2, 3]), 10, inputs)).toEqual({ kind: "keep", gainBits: 5 });
  });

  it("tells a parameter update (same form) from a structure change", () => {
    const current = law("a*x + b", 100, [1, 2]);
    expect(gate(current, law("a*x + b", 50, [3, 4]), 10, inputs)).toMatchObject({ kind: "accept", revision: "parameter_update", gainBits: 50 });
    expect(gate(current, law("a*exp(x) + b", 50), 10, inputs)).toMatchObject({ kind: "accept", revision: "structural" });
  });

  it("classifies breaks: new variable, history variable, regime split", () => {
    const current = law("a*x + b", 100);
    expect(gate(current, law("a*x + b*t", 50), 10, inputs)).toMatchObject({ revision: "new_variable" });
    expect(gate(current, law("a*cummax_x + b", 50), 10, inputs)).toMatchObject({ revision: "ontology_break" });
    expect(gate(current, law("max(a*x, b)", 50), 10, inputs)).toMatchObject({ revision: "regime_split" });
  });
});

describe("carrying out the gate's verdict", () => {
  const info = { inputs: inputs.map((name) => ({ name, min: 0, max: 1, kind: "real" as const })), output: { name: "y" } };
  const evidence = {
    variables: inputs,
    columns: { x: Float64Array.from([1, 2, 3]), t: Float64Array.from([0, 0, 0]) },
    target: Float64Array.from([1, 4, 9]),
    targetName: "y",
  };
  const prev = { currentSource: "received" as const, survived: 2, breaks: 1, history: [] };
  const run = () => {
    const events: RunEvent[] = [];
    return { events, log: { runId: "r", round: 3, emit: (e: RunEvent) => events.push(e), progress: () => {} } };
  };

  it("a break becomes current, resets survival, counts, and is told in one sentence", () => {
    const { events, log } = run();
    const cur = law("a*x", 100, [1]);
    const best = { state: law("a*x^2", 40, [1]), source: "explainer" as const };
    const rev = applyVerdict(gate(cur, best.state, 10, inputs), cur, best, prev, { log, info, evidence, newRows: [2] });
    expect(rev).toMatchObject({ current: best.state, source: "explainer", brk: { type: "structural", gainBits: 60 }, breaks: 2, survived: 0 });
    expect(rev.sentence).toMatch(/^The received theory predicts y = 3 at x = 3, t = 0; 9 was observed/);
    expect(rev.history.map((h) => h.law)).toEqual(["a*x^2"]);
    expect(events.map((e) => e.type)).toEqual(["law_accepted", "break"]);
  });

  it("a parameter update becomes current without a break; a rejected challenger is recorded", () => {
    const cur = law("a*x", 100, [1]);
    const update = run();
    const rev = applyVerdict(gate(cur, law("a*x", 80, [2]), 10, inputs), cur, { state: law("a*x", 80, [2]), source: "explainer" }, prev, { ...update, info, evidence, newRows: [] });
    expect(rev).toMatchObject({ brk: null, breaks: 1, survived: 3, revision: { type: "parameter_update", gainBits: 20 } });
    expect(update.events.map((e) => e.type)).toEqual(["law_accepted"]);

    const rejected = run();
    const other = { state: law("a*x^2", 95), source: "pareto" as const };
    const kept = applyVerdict(gate(cur, other.state, 10, inputs), cur, other, prev, { ...rejected, info, evidence, newRows: [] });
    expect(kept).toMatchObject({ current: cur, source: "received", brk: null, survived: 3, challenger: { law: "a*x^2", bits: 95 } });
    expect(rejected.events).toEqual([{ type: "law_rejected", runId: "r", round: 3, law: "a*x^2", bits: 95, currentBits: 100, reason: "saves only 5.0 bits (threshold 10)" }]);
  });
});
