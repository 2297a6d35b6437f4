import { compile, interpret, parse } from "../src/expr/index.js";
import { seededRandom } from "../src/random/index.js";

/** A Feynman formula with the same computation written by hand as a TypeScript loop. */
interface Case {
  id: string;
  formula: string;
  vars: string[];
  hand: (c: Float64Array[], out: Float64Array) => void;
}

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** Ten formulas of the AI Feynman benchmark, from one-liners to nested transcendental ones. */
export const CASES: Case[] = [
  {
    id: "I.6.2a",
    formula: "exp(-theta**2/2)/sqrt(2*pi)",
    vars: ["theta"],
    hand: ([th], out) => {
      for (let i = 0; i < out.length; i++) out[i] = Math.exp(-(th[i] * th[i]) / 2) / SQRT_2PI;
    },
  },
  {
    id: "I.6.2",
    formula: "exp(-(theta/sigma)**2/2)/(sqrt(2*pi)*sigma)",
    vars: ["sigma", "theta"],
    hand: ([s, th], out) => {
      for (let i = 0; i < out.length; i++) {
        const z = th[i] / s[i];
        out[i] = Math.exp(-(z * z) / 2) / (SQRT_2PI * s[i]);
      }
    },
  },
  {
    id: "I.9.18",
    formula: "G*m1*m2/((x2-x1)**2+(y2-y1)**2+(z2-z1)**2)",
    vars: ["m1", "m2", "G", "x1", "x2", "y1", "y2", "z1", "z2"],
    hand: ([m1, m2, g, x1, x2, y1, y2, z1, z2], out) => {
      for (let i = 0; i < out.length; i++) {
        const dx = x2[i] - x1[i];
        const dy = y2[i] - y1[i];
        const dz = z2[i] - z1[i];
        out[i] = (g[i] * m1[i] * m2[i]) / (dx * dx + dy * dy + dz * dz);
      }
    },
  },
  {
    id: "I.12.11",
    formula: "q*(Ef+B*v*sin(theta))",
    vars: ["q", "Ef", "B", "v", "theta"],
    hand: ([q, ef, b, v, th], out) => {
      for (let i = 0; i < out.length; i++) out[i] = q[i] * (ef[i] + b[i] * v[i] * Math.sin(th[i]));
    },
  },
  {
    id: "I.15.3x",
    formula: "(x-u*t)/sqrt(1-u**2/c**2)",
    vars: ["x", "u", "c", "t"],
    hand: ([x, u, c, t], out) => {
      for (let i = 0; i < out.length; i++) out[i] = (x[i] - u[i] * t[i]) / Math.sqrt(1 - (u[i] * u[i]) / (c[i] * c[i]));
    },
  },
  {
    id: "I.29.16",
    formula: "sqrt(x1**2+x2**2-2*x1*x2*cos(theta1-theta2))",
    vars: ["x1", "x2", "theta1", "theta2"],
    hand: ([x1, x2, t1, t2], out) => {
      for (let i = 0; i < out.length; i++) out[i] = Math.sqrt(x1[i] * x1[i] + x2[i] * x2[i] - 2 * x1[i] * x2[i] * Math.cos(t1[i] - t2[i]));
    },
  },
  {
    id: "I.32.17",
    formula: "(1/2*epsilon*c*Ef**2)*(8*pi*r**2/3)*(omega**4/(omega**2-omega_0**2)**2)",
    vars: ["epsilon", "c", "Ef", "r", "omega", "omega_0"],
    hand: ([eps, c, ef, r, w, w0], out) => {
      for (let i = 0; i < out.length; i++) {
        const w2 = w[i] * w[i];
        const d = w2 - w0[i] * w0[i];
        out[i] = 0.5 * eps[i] * c[i] * ef[i] * ef[i] * ((8 * Math.PI * r[i] * r[i]) / 3) * ((w2 * w2) / (d * d));
      }
    },
  },
  {
    id: "I.41.16",
    formula: "h/(2*pi)*omega**3/(pi**2*c**2*(exp((h/(2*pi))*omega/(kb*T))-1))",
    vars: ["omega", "T", "h", "kb", "c"],
    hand: ([w, t, h, kb, c], out) => {
      for (let i = 0; i < out.length; i++) {
        const hbar = h[i] / (2 * Math.PI);
        out[i] = (hbar * w[i] * w[i] * w[i]) / (Math.PI * Math.PI * c[i] * c[i] * (Math.exp((hbar * w[i]) / (kb[i] * t[i])) - 1));
      }
    },
  },
  {
    id: "II.35.18",
    formula: "n_0/(exp(mom*B/(kb*T))+exp(-mom*B/(kb*T)))",
    vars: ["n_0", "kb", "T", "mom", "B"],
    hand: ([n0, kb, t, mom, b], out) => {
      for (let i = 0; i < out.length; i++) {
        const a = (mom[i] * b[i]) / (kb[i] * t[i]);
        out[i] = n0[i] / (Math.exp(a) + Math.exp(-a));
      }
    },
  },
  {
    id: "III.9.52",
    formula: "(p_d*Ef*t/(h/(2*pi)))*sin((omega-omega_0)*t/2)**2/((omega-omega_0)*t/2)**2",
    vars: ["p_d", "Ef", "t", "h", "omega", "omega_0"],
    hand: ([pd, ef, t, h, w, w0], out) => {
      for (let i = 0; i < out.length; i++) {
        const x = ((w[i] - w0[i]) * t[i]) / 2;
        const s = Math.sin(x);
        out[i] = ((pd[i] * ef[i] * t[i]) / (h[i] / (2 * Math.PI))) * ((s * s) / (x * x));
      }
    },
  },
];

/**
 * Best (minimum) wall times in ms over `reps` rounds, the functions called in turn within each round. On a
 * shared machine the minimum is the run least disturbed by other work, so it is the stable statistic here.
 */
function timeInterleaved(fs: (() => void)[], reps: number, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) for (const f of fs) f();
  const ts: number[][] = fs.map(() => []);
  for (let r = 0; r < reps; r++) {
    fs.forEach((f, k) => {
      const t0 = performance.now();
      f();
      ts[k].push(performance.now() - t0);
    });
  }
  return ts.map((t) => Math.min(...t));
}

/** Result of one formula of the evaluation benchmark. */
export interface EvaluationRow {
  id: string;
  handMs: number;
  compiledMs: number;
  /** The column-wise interpreter (`compile`'s tier before code generation). */
  columnwiseMs: number;
  interpretedMs: number;
  maxRelativeDifference: number;
}

/** Times hand-written loops, the generated kernel and both interpreters on `rows` rows per formula. */
export function benchEvaluation(rows: number, reps: number): EvaluationRow[] {
  const results: EvaluationRow[] = [];
  for (const c of CASES) {
    const rand = seededRandom(1);
    const columns = c.vars.map(() => Float64Array.from({ length: rows }, () => 1 + 4 * rand()));
    const expr = parse(c.formula);
    const compiled = compile(expr, c.vars, { tier: "eager" });
    const columnwise = compile(expr, c.vars, { tier: "interpret" });
    const handOut = new Float64Array(rows);
    const fastOut = new Float64Array(rows);
    const [handMs, compiledMs, columnwiseMs] = timeInterleaved(
      [() => c.hand(columns, handOut), () => compiled.evaluate(columns, [], fastOut), () => columnwise.evaluate(columns, [], new Float64Array(rows))],
      reps,
    );
    const [interpretedMs] = timeInterleaved([() => interpret(expr, c.vars, columns, [])], Math.max(3, reps >> 2), 1);
    let maxRel = 0;
    for (let i = 0; i < rows; i++) {
      const a = handOut[i];
      const b = fastOut[i];
      if (Number.isFinite(a) && Number.isFinite(b)) maxRel = Math.max(maxRel, Math.abs(a - b) / Math.max(Math.abs(a), 1e-300));
    }
    results.push({ id: c.id, handMs, compiledMs, columnwiseMs, interpretedMs, maxRelativeDifference: maxRel });
  }
  return results;
}
