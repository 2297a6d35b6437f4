import { describe, expect, it } from "vitest";
import { parse } from "../../src/expr/index.js";
import { latexOf } from "../../src/server/latex.js";
import { predictAll } from "../../src/server/run-view.js";
import { observationsCsv } from "../../src/server/data-csv.js";
import { bits, fitWords, fmt, latexText } from "../../web/src/format.js";
import { niceTicks, linearScale } from "../../web/src/scales.js";
import { parseRoute } from "../../web/src/route.js";
import { describeEvent } from "../../web/src/events.js";

describe("predictions shown beside the data", () => {
  it("evaluates a law at every observation, computing history variables over the run's order", () => {
    const expr = parse("k*(strain - m)", { variables: ["strain", "m"] });
    const obs = [0.1, 0.3, 0.2, 0.4].map((strain) => ({ inputs: { strain } }));
    const out = predictAll({ expr, params: [2], derived: { m: "cummax(strain)" } }, ["strain"], obs);
    // cummax(strain) = 0.1, 0.3, 0.3, 0.4
    expect(out.map((v) => Number((v as number).toFixed(10)))).toEqual([0, 0, -0.2, 0]);
  });

  it("gives no prediction (rather than a wrong one) when the law names something the run lacks", () => {
    const expr = parse("a*x + y", { variables: ["x", "y"] });
    expect(predictAll({ expr, params: [1] }, ["x"], [{ inputs: { x: 1 } }])).toEqual([null]);
    const bad = parse("a*x", { variables: ["x"] });
    expect(predictAll({ expr: bad, params: [1], derived: { q: "nonsense(" } }, ["x"], [{ inputs: { x: 1 } }])).toEqual([null]);
  });

  it("typesets constants rounded for reading", () => {
    const expr = parse("a*cos(x/b) + 608.9642666275362", { variables: ["x"] });
    const tex = latexOf(expr, [393.4574546940087, 1.2636450191972755]);
    expect(tex).toContain("393.46");
    expect(tex).toContain("608.96");
    expect(tex).not.toContain("393.4574");
  });

  it("writes observations as CSV with quoting", () => {
    const csv = observationsCsv({
      runId: "r",
      world: "w",
      status: "finished",
      seed: 1,
      createdAt: "",
      rounds: 1,
      inputs: [{ name: "x", min: 0, max: 1 }],
      output: { name: "y,z" },
      plannedRounds: 1,
      queries: 2,
      roundViews: [],
      observations: [
        { index: 0, round: 0, inputs: { x: 1 }, output: 2, predicted: 2.5, breaker: false },
        { index: 1, round: 1, inputs: { x: 3 }, output: null, predicted: null, breaker: true },
      ],
      exchanges: [],
    });
    expect(csv).toBe('index,round,x,"y,z",predicted,chosen_by\n0,0,1,2,2.5,start\n1,1,3,,,breaker\n');
  });
});

describe("the page's helpers", () => {
  it("formats numbers, bits and fit for people", () => {
    expect(fmt(0)).toBe("0");
    expect(fmt(1234.5678)).toBe("1235");
    expect(fmt(0.000012346)).toBe("1.235×10⁻⁵");
    expect(fmt(NaN)).toBe("–");
    expect(bits(1578.6)).toBe("1,579 bits");
    expect(fitWords(0.67015)).toBe("explains 67.0% of the variation");
    expect(fitWords(-3)).toBe("explains 0.0% of the variation");
    expect(latexText("growth_rate")).toBe("\\text{growth\\_rate}");
  });

  it("chooses round ticks and pads degenerate ranges", () => {
    expect(niceTicks(0, 10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(-0.5, 0.5)).toEqual([-0.4, -0.2, 0, 0.2, 0.4]);
    const s = linearScale([5, 5, NaN, Infinity], 0, 100);
    expect(s.domain[0]).toBeLessThan(5);
    expect(s.domain[1]).toBeGreaterThan(5);
    expect(s(5)).toBeCloseTo(50);
  });

  it("routes addresses and words events plainly", () => {
    expect(parseRoute("#/runs/double-slit-1")).toEqual({ page: "run", runId: "double-slit-1" });
    expect(parseRoute("#/explain")).toEqual({ page: "explain" });
    expect(parseRoute("#/runs/../../x")).toEqual({ page: "runs" });
    expect(describeEvent({ type: "experiments_chosen", round: 2, experiments: [{}, {}, {}] })).toBe("Round 2: the Breaker chose 3 experiments where the law is most likely to fail.");
    // Raw event names become sentences; laws are rounded; a refit of the current law is no "alternative".
    expect(describeEvent({ type: "received_falsified", round: 1, queries: 36, gainBits: 64.5 })).toBe("Round 1: the textbook law is proved wrong after 36 measurements (65 bits of evidence against it).");
    const ctx = { currentLaw: "499.55*cos(6.2893*d*x/lambda) + 499.22", variables: ["x", "d", "lambda"] };
    expect(describeEvent({ type: "law_rejected", round: 3, law: "497.0123456*cos(-6.2853*x*d/lambda) + 497.01" }, ctx)).toBe("Round 3: no shorter law found; the current law stands.");
    expect(describeEvent({ type: "law_rejected", round: 3, law: "497.0123456*sin(x) + 1" }, ctx)).toBe("Round 3: kept the current law; the alternative 497.01*sin(x) + 1 was not shorter by enough.");
    expect(describeEvent({ type: "break", round: 1, sentence: "The received theory predicts 3; 412 arrived." })).toBe(
      "Round 1: the law broke. The received theory predicts 3; 412 arrived.",
    );
    expect(describeEvent({ type: "run_failed", error: "world crashed" })).toBe("The discovery failed: world crashed");
  });
});
