import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compile, fitParams, parse } from "../../src/expr/index.js";
import { normal, seededRandom } from "../../src/random/index.js";
import type { Evidence } from "../../src/core/evidence.js";
import { dataBits, descriptionLength, eliasGammaBits, fisherParamBits, fitLaw, lawBits, literalBits, paramCurvature, scoreLaw } from "../../src/mdl/index.js";

interface Dataset {
  name: string;
  variables: string[];
  columns: Float64Array[];
  target: Float64Array;
  truth: string;
  simpler: string;
  overfit: string;
  /** Start of the overfit law's fit from the true law's constants (it nests the truth), so it fits at least as well. */
  overfitInit: (truth: number[]) => number[];
}

/** n rows of `f` plus Gaussian noise of `noise`·RMS(signal). */
function dataset(name: string, n: number, seed: number, ranges: Record<string, [number, number]>, f: (row: Record<string, number>) => number, noise: number, laws: Omit<Dataset, "name" | "variables" | "columns" | "target">): Dataset {
  const rand = seededRandom(seed);
  const variables = Object.keys(ranges);
  const columns = variables.map((v) => Float64Array.from({ length: n }, () => ranges[v][0] + (ranges[v][1] - ranges[v][0]) * rand()));
  const clean = Float64Array.from({ length: n }, (_, i) => f(Object.fromEntries(variables.map((v, k) => [v, columns[k][i]]))));
  const rms = Math.sqrt(clean.reduce((s, y) => s + y * y, 0) / n);
  const target = clean.map((y) => y + noise * rms * normal(rand));
  return { name, variables, columns, target, ...laws };
}

function bitsOf(d: Dataset, law: string, init?: number[]) {
  const e = parse(law, { variables: d.variables });
  const fit = fitParams(e, d.variables, d.columns, d.target, { seed: 1, restarts: 12, init });
  const predicted = compile(e, d.variables).evaluate(d.columns, fit.params);
  return { params: fit.params, ...descriptionLength(e, fit.params, d.target, predicted, { variableCount: d.variables.length }) };
}

const DATASETS: Dataset[] = [
  dataset("quadratic", 200, 1, { x: [-3, 3] }, ({ x }) => 2.5 * x * x + 1, 0.02, {
    truth: "a*x^2 + b",
    simpler: "a*x + b",
    overfit: "a*x^2 + b + c*x^3 + d*x^4 + e*x^5",
    overfitInit: (t) => [...t, 0, 0, 0],
  }),
  dataset("damped oscillation", 300, 2, { x: [0, 6], t: [0, 3] }, ({ x, t }) => 3 * Math.exp(-0.5 * t) * Math.sin(2 * x), 0.03, {
    truth: "a*exp(-b*t)*sin(c*x)",
    simpler: "a*sin(c*x)",
    overfit: "a*exp(-b*t)*sin(c*x) + d*t + e*x*t + f*cos(g*x)",
    overfitInit: (t) => [...t, 0, 0, 0, 1],
  }),
  dataset("gravitation", 250, 3, { m1: [1, 5], m2: [1, 5], r: [1, 4] }, ({ m1, m2, r }) => (6.7 * m1 * m2) / (r * r), 0.01, {
    truth: "G*m1*m2/r^2",
    simpler: "G*m1*m2/r",
    overfit: "G*m1*m2/r^k + c + d*m1",
    overfitInit: ([g]) => [g, 2, 0, 0],
  }),
  dataset("pendulum", 150, 4, { L: [0.2, 2] }, ({ L }) => 2 * Math.PI * Math.sqrt(L / 9.81), 0.01, {
    truth: "a*sqrt(L)",
    simpler: "a*L + b",
    overfit: "a*sqrt(L) + b*L + c*L^2 + d",
    overfitInit: (t) => [...t, 0, 0, 0],
  }),
];

describe("descriptionLength", () => {
  for (const d of DATASETS) {
    it(`prefers the true law of noisy ${d.name} data over a simpler wrong law and a more complex overfit law`, () => {
      const truth = bitsOf(d, d.truth);
      const simpler = bitsOf(d, d.simpler);
      const overfit = bitsOf(d, d.overfit, d.overfitInit(truth.params));
      expect(truth.total).toBeLessThan(simpler.total);
      expect(truth.total).toBeLessThan(overfit.total);
      // The overfit law must fit at least as well, so the win comes from the law's own bits.
      expect(overfit.data).toBeLessThanOrEqual(truth.data + 1e-6);
      expect(overfit.model).toBeGreaterThan(truth.model);
    });
  }

  it("is never negative, even for exact fits, and adds model and data bits", () => {
    const y = Float64Array.of(1, 2, 3, 4);
    const b = descriptionLength(parse("x"), [], y, y.slice());
    expect(b.data).toBe(0);
    expect(b.model).toBeGreaterThan(0);
    expect(b.total).toBe(b.model + b.data);
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }), fc.double({ min: 0, max: 10, noNaN: true }), (ys, noise) => {
        const target = Float64Array.from(ys);
        const predicted = target.map((v, i) => v + noise * Math.sin(i));
        const bits = descriptionLength(parse("a*x + b", { variables: ["x"] }), [1, 2], target, predicted);
        expect(bits.model).toBeGreaterThan(0);
        expect(bits.data).toBeGreaterThanOrEqual(0);
        expect(bits.total).toBeGreaterThanOrEqual(bits.model);
      }),
      { numRuns: 200, seed: 2 },
    );
  });

  it("charges more data bits for larger residuals and Infinity for non-finite predictions", () => {
    const y = Float64Array.from({ length: 100 }, (_, i) => i);
    const small = dataBits(y, y.map((v, i) => v + 0.01 * Math.sin(i)));
    const large = dataBits(y, y.map((v, i) => v + 1 * Math.sin(i)));
    expect(large).toBeGreaterThan(small);
    // Gaussian code: 100× the residual scale costs log2(100) bits per row more.
    expect(large - small).toBeCloseTo(100 * Math.log2(100), 6);
    expect(dataBits(y, y.map((v, i) => (i === 5 ? NaN : v)))).toBe(Infinity);
  });

  it("charges law bits by nodes, literals and constants", () => {
    expect(eliasGammaBits(1)).toBe(1);
    expect(eliasGammaBits(4)).toBe(5);
    expect(literalBits(2)).toBeLessThan(literalBits(1000));
    expect(literalBits(0.5)).toBeLessThan(literalBits(Math.E));
    expect(literalBits(Math.E)).toBe(64);
    const withConstant = lawBits(parse("a*x", { variables: ["x"] }), 1000);
    const withLiteral = lawBits(parse("2*x"), 1000);
    expect(withConstant).toBeGreaterThan(withLiteral);
    expect(lawBits(parse("a*x", { variables: ["x"] }), 10_000)).toBeGreaterThan(lawBits(parse("a*x", { variables: ["x"] }), 100));
    expect(lawBits(parse("x + y"), 100, { variableCount: 8 })).toBeGreaterThan(lawBits(parse("x + y"), 100, { variableCount: 2 }));
  });
});

describe("Fisher-information pricing of constants", () => {
  const ROUNDING = 0.5 * Math.log2(Math.E);

  it("prices a constant by how many steps of its precision sqrt(12/I) its value spans, whatever its scale", () => {
    // |θ|·sqrt(I/12) = 1000 steps: log2(1000) bits, plus the sign and the rounding loss.
    expect(fisherParamBits(1000, 12)).toBeCloseTo(1 + ROUNDING + Math.log2(1000), 12);
    // Rescaling the constant by c rescales its information by 1/c²: the same price.
    for (const c of [1e-9, 3, 1e12]) expect(fisherParamBits(1000 * c, 12 / (c * c))).toBeCloseTo(fisherParamBits(1000, 12)!, 9);
    // Ten times the information pins the constant sqrt(10)× finer: ½·log2(10) bits more.
    expect(fisherParamBits(2, 1e5)! - fisherParamBits(2, 1e4)!).toBeCloseTo(0.5 * Math.log2(10), 12);
    // A constant the data barely constrain costs only its sign and the rounding loss.
    expect(fisherParamBits(0.01, 1)).toBe(1 + ROUNDING);
    expect(fisherParamBits(1, NaN)).toBeUndefined();
  });

  it("charges a well-determined constant more than a poorly determined one, and an exact fit a finite price", () => {
    const x = Float64Array.from({ length: 40 }, (_, i) => 1 + i / 8);
    const noisy = (noise: number): Evidence => ({ variables: ["x"], columns: { x }, target: x.map((v, i) => 3 * v + noise * Math.sin(7 * i)), targetName: "y" });
    const law = parse("a*x", { variables: ["x"] });
    const price = (ev: Evidence) => {
      const s = scoreLaw(law, [3], ev)!;
      return s.bits.model - lawBits(law, 40, { variableCount: 1 }, [0]);
    };
    const precise = price(noisy(0.001));
    const vague = price(noisy(1));
    // A thousandfold smaller noise pins a thousandfold finer: log2(1000) ≈ 10 bits more.
    expect(precise - vague).toBeGreaterThan(9);
    expect(precise - vague).toBeLessThan(11);
    const exact = price(noisy(0));
    expect(Number.isFinite(exact)).toBe(true);
    expect(exact).toBeGreaterThan(precise);
  });

  it("uses the Jacobian of the law: Σ(∂f/∂θ / g)² over the counted rows", () => {
    const x = Float64Array.of(1, 2, 3, 4);
    const ev: Evidence = { variables: ["x"], columns: { x }, target: Float64Array.of(2, 4, NaN, 8), targetName: "y" };
    const c = paramCurvature(parse("a*x^b", { variables: ["x"] }), [2, 1], ev)!;
    // ∂f/∂a = x^b; ∂f/∂b = a·x^b·ln x; row 3 has no target.
    expect(c[0]).toBeCloseTo(1 + 4 + 16, 12);
    expect(c[1]).toBeCloseTo((2 * 2 * Math.log(2)) ** 2 + (2 * 4 * Math.log(4)) ** 2, 12);
    expect(paramCurvature(parse("x"), [], ev)).toBeUndefined();
  });

  for (const d of DATASETS) {
    it(`still prefers the true law of noisy ${d.name} data, priced by the evidence (scoreLaw)`, () => {
      const ev: Evidence = { variables: d.variables, columns: Object.fromEntries(d.variables.map((v, j) => [v, d.columns[j]])), target: d.target, targetName: "y" };
      const total = (law: string, init?: number[]) => {
        const e = parse(law, { variables: d.variables });
        const fit = fitLaw(e, ev, { seed: 1, restarts: 12, init });
        return { fit, bits: scoreLaw(e, fit.params, ev)!.bits };
      };
      const truth = total(d.truth);
      const simpler = total(d.simpler);
      const overfit = total(d.overfit, d.overfitInit(truth.fit.params));
      expect(truth.bits.total).toBeLessThan(simpler.bits.total);
      expect(truth.bits.total).toBeLessThan(overfit.bits.total);
    });
  }
});
