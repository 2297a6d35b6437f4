/**
 * The cheap strategies tried before (and beside) the evolutionary search: a constant, monomials
 * from log-linear regression, products of powers and exponentials, periodic and template shapes, the
 * one-input laws of measurement science (measurement-laws.ts), sparse linear-in-features models and,
 * for up to three inputs, a brute-force enumeration of small trees. Each returns candidate laws for the final
 * description-length choice; an exact one lets the explainer stop in milliseconds. The evaluation
 * count covers every law scored (each feature tried at each selection step, each enumerated tree).
 * The user's building blocks (`--ops`) filter what is offered.
 */
import { add, mul, param, type Expr } from "../expr/ast.js";
import { oneInputLawCandidates, productLawCandidates } from "./measurement-laws.js";
import { usesOnly } from "./operator-choice.js";
import { enumerateLaws } from "./enumeration.js";
import { buildFeatures } from "./features.js";
import type { Candidate } from "./final-selection.js";
import { fitMonomials } from "./monomial.js";
import { forwardSelect } from "./sparse-regression.js";
import { periodicFit } from "./periodic.js";
import { templateFit } from "./templates.js";

/** Relative SSE (SSE / total sum of squares) at which a fast-path law counts as exact. */
const EXACT = 1e-12;

/** What shapes the fast paths beyond the data. */
export interface FastPathOptions {
  /** Noise scales of these rows: the measurement-law paths rank their grids under them. */
  scales?: Float64Array;
  /** The user's building blocks (`--ops`): laws using anything else are not offered. */
  operators?: readonly string[];
}

/** Candidates from the fast paths over the given columns (all rows, or a subsample for speed). */
export async function fastPathCandidates(
  variables: readonly string[],
  columns: readonly Float64Array[],
  target: Float64Array,
  signal?: AbortSignal,
  deadline = Infinity,
  opts: FastPathOptions = {},
): Promise<{ candidates: Candidate[]; evaluations: number }> {
  const allowed = opts.operators;
  const found = await allCandidates(variables, columns, target, signal, deadline, opts.scales, allowed ? (e) => usesOnly(e, allowed) : null);
  if (!allowed) return found;
  return { candidates: found.candidates.filter((c) => usesOnly(c.expr, allowed)), evaluations: found.evaluations };
}

// `permitted` is null without --ops; with it, a stage's law counts as exact only when it is permitted, and the
// stages that report one pooled SSE never stop the fast paths early (their exact law may be a filtered one).

async function allCandidates(
  variables: readonly string[],
  columns: readonly Float64Array[],
  target: Float64Array,
  signal: AbortSignal | undefined,
  deadline: number,
  scales: Float64Array | undefined,
  permitted: ((e: Expr) => boolean) | null,
): Promise<{ candidates: Candidate[]; evaluations: number }> {
  const ok = (e: Expr) => !permitted || permitted(e);
  const pooledExact = (sse: number, sst: number) => !permitted && sse <= EXACT * sst;
  const out: Candidate[] = [];
  let evaluations = 0;
  const n = target.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += target[i];
  mean /= n;
  let sst = 0;
  for (let i = 0; i < n; i++) sst += (target[i] - mean) ** 2;
  out.push({ expr: param(0), params: [mean], source: "constant" });
  let exact = sst === 0;
  const monomials = fitMonomials(variables, columns, target);
  evaluations += 1 + monomials.length;
  for (const m of monomials.slice(0, 3)) {
    out.push({ expr: m.expr, params: m.params, source: "monomial" });
    if (m.sse <= EXACT * sst && ok(m.expr)) exact = true;
  }
  // Products of powers and exponentials (Arrhenius, Norton creep, Eyring, free-exponent power laws):
  // one Gram matrix and a few thousand tiny solves, milliseconds, so before every costlier stage.
  const products = productLawCandidates(variables, columns, target, { scales });
  evaluations += products.evaluations;
  out.push(...products.candidates);
  if (!permitted && products.exact) exact = true;
  await yieldToEventLoop();
  if (signal?.aborted || exact) return { candidates: out, evaluations };
  if (Date.now() < deadline) {
    // Oscillation in a product of inputs (cos²(k·d·x/λ), sin(k·x·t)): a frequency scan of tens of
    // milliseconds, run before the far costlier linear-features stage so a tight budget keeps it.
    const periodic = periodicFit(variables, columns, target, { signal, deadline });
    evaluations += periodic.candidates.length;
    out.push(...periodic.candidates);
    if (pooledExact(periodic.sse, sst)) return { candidates: out, evaluations };
  }
  if (Date.now() < deadline && !signal?.aborted) {
    // A monomial times a physics shape of a monomial argument (Planck's ν³/(exp(kν/T) − 1), Arrhenius,
    // Lorentzian lines): a log-space scan of about a hundred milliseconds, see templates.ts.
    const templates = templateFit(variables, columns, target, { signal, deadline });
    evaluations += templates.candidates.length;
    out.push(...templates.candidates);
    if (pooledExact(templates.sse, sst)) return { candidates: out, evaluations };
  }
  if (Date.now() < deadline && !signal?.aborted) {
    // One-input laws of measurement science (Michaelis–Menten, Hill, first-order rise and decay, logistic,
    // two exponentials, yield points): grid scans with exact linear solves, tens of milliseconds per input.
    const laws = oneInputLawCandidates(variables, columns, target, { scales, signal, deadline });
    evaluations += laws.evaluations;
    out.push(...laws.candidates);
    if (!permitted && laws.exact) return { candidates: out, evaluations };
  }
  const features = buildFeatures(variables, columns, { maxPairVariables: 8, hingeKnots: 3 });
  const models = forwardSelect(features, target, 6, signal);
  evaluations += features.length * Math.max(1, models.length - 1);
  for (const m of models) {
    if (m.terms === 0) continue;
    out.push({ expr: m.expr, params: m.params, source: `linear-${m.terms}` });
    if (m.sse <= EXACT * sst && ok(m.expr)) exact = true;
  }
  await yieldToEventLoop();
  if (signal?.aborted || exact || variables.length > 3) return { candidates: out, evaluations };
  const rows = Math.min(n, 64);
  const { laws, evaluated } = enumerateLaws(
    variables,
    columns.map((c) => c.subarray(0, rows)),
    target.subarray(0, rows),
    { maxSize: variables.length === 1 ? 8 : 7, maxTrees: variables.length === 1 ? 60_000 : 40_000, deadline },
    signal,
  );
  evaluations += evaluated;
  for (const l of laws) out.push({ expr: add(param(0), mul(param(1), l.feature)), params: [l.a, l.b], source: "enumeration" });
  return { candidates: out, evaluations };
}

// Lets Ctrl-C (an abort delivered by the event loop) land between the stages.
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
