/**
 * Seeded tables of measurement science for the fast-path tests and the CLI: a creep table (Norton law with
 * an Arrhenius temperature term and lognormal scatter) and a bilinear stress–strain curve (elastic line,
 * yield, linear hardening).
 */
import { Rng } from "../../src/random/index.js";
import type { Evidence } from "../../src/core/evidence.js";

/** The creep law's constants: rate = A·σⁿ·exp(−Q/(R·T)) (rate in 1/s, σ in MPa, T in K, Q in J/mol). */
export const CREEP = { A: 2e-3, n: 3.5, Q: 150_000, R: 8.314, scatter: 0.08 } as const;

/** 37 creep tests: stress 20–200 MPa (log-uniform), T 700–900 K, rate with 8 % lognormal scatter. */
export function creepTable(seed = 11, rows = 37): Evidence {
  const rng = new Rng(seed);
  const stress = new Float64Array(rows);
  const temp = new Float64Array(rows);
  const rate = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    stress[i] = 20 * 10 ** rng.next();
    temp[i] = 700 + 200 * rng.next();
    const truth = CREEP.A * stress[i] ** CREEP.n * Math.exp(-CREEP.Q / (CREEP.R * temp[i]));
    rate[i] = truth * Math.exp(CREEP.scatter * rng.normal());
  }
  return { variables: ["stress_MPa", "T_K"], columns: { stress_MPa: stress, T_K: temp, rate }, target: rate, targetName: "rate" };
}

/** The bilinear curve's constants: σ = min(E·ε, σy + H·(ε − σy/E)) in MPa, with ±noise MPa. */
export const BILINEAR = { E: 200_000, sy: 250, H: 2_000, noise: 0.5 } as const;

/** 60 strain points from 0 to 1 % with small normal noise on the stress. */
export function bilinearTable(seed = 5, rows = 60): Evidence {
  const rng = new Rng(seed);
  const strain = new Float64Array(rows);
  const stress = new Float64Array(rows);
  const { E, sy, H, noise } = BILINEAR;
  for (let i = 0; i < rows; i++) {
    strain[i] = (0.01 * (i + 1)) / rows;
    stress[i] = Math.min(E * strain[i], sy + H * (strain[i] - sy / E)) + noise * rng.normal();
  }
  return { variables: ["strain"], columns: { strain, stress }, target: stress, targetName: "stress" };
}

/** The table as CSV text (inputs then target, full precision). */
export function toCsv(e: Evidence): string {
  const names = [...e.variables, e.targetName];
  const cols = names.map((n) => (n === e.targetName ? e.target : e.columns[n]));
  const lines = [names.join(",")];
  for (let i = 0; i < e.target.length; i++) lines.push(cols.map((c) => String(c[i])).join(","));
  return lines.join("\n") + "\n";
}
