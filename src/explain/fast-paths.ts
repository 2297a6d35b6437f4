/**
 * The cheap strategies tried before (and beside) the evolutionary search: a constant, monomials
 * from log-linear regression, sparse linear-in-features models and, for up to three inputs, a
 * brute-force enumeration of small trees. Each returns candidate laws for the final
 * description-length choice; an exact one lets the explainer stop in milliseconds. The evaluation
 * count covers every law scored (each feature tried at each selection step, each enumerated tree).
 */
import { add, mul, param } from "../expr/ast.js";
import { enumerateLaws } from "./enumeration.js";
import { buildFeatures } from "./features.js";
import type { Candidate } from "./final-selection.js";
import { fitMonomials } from "./monomial.js";
import { forwardSelect } from "./sparse-regression.js";
import { periodicFit } from "./periodic.js";
import { templateFit } from "./templates.js";

/** Relative SSE (SSE / total sum of squares) at which a fast-path law counts as exact. */
const EXACT = 1e-12;

/** Candidates from the fast paths over the given columns (all rows, or a subsample for speed). */
export async function fastPathCandidates(
  variables: readonly string[],
  columns: readonly Float64Array[],
  target: Float64Array,
  signal?: AbortSignal,
  deadline = Infinity,
): Promise<{ candidates: Candidate[]; evaluations: number }> {
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
    if (m.sse <= EXACT * sst) exact = true;
  }
  await yieldToEventLoop();
  if (signal?.aborted || exact) return { candidates: out, evaluations };
  if (Date.now() < deadline) {
    // Oscillation in a product of inputs (cos²(k·d·x/λ), sin(k·x·t)): a frequency scan of tens of
    // milliseconds, run before the far costlier linear-features stage so a tight budget keeps it.
    const periodic = periodicFit(variables, columns, target, { signal, deadline });
    evaluations += periodic.candidates.length;
    out.push(...periodic.candidates);
    if (periodic.sse <= EXACT * sst) return { candidates: out, evaluations };
  }
  if (Date.now() < deadline && !signal?.aborted) {
    // A monomial times a physics shape of a monomial argument (Planck's ν³/(exp(kν/T) − 1), Arrhenius,
    // Lorentzian lines): a log-space scan of about a hundred milliseconds, see templates.ts.
    const templates = templateFit(variables, columns, target, { signal, deadline });
    evaluations += templates.candidates.length;
    out.push(...templates.candidates);
    if (templates.sse <= EXACT * sst) return { candidates: out, evaluations };
  }
  const features = buildFeatures(variables, columns, { maxPairVariables: 8, hingeKnots: 3 });
  const models = forwardSelect(features, target, 6, signal);
  evaluations += features.length * Math.max(1, models.length - 1);
  for (const m of models) {
    if (m.terms === 0) continue;
    out.push({ expr: m.expr, params: m.params, source: `linear-${m.terms}` });
    if (m.sse <= EXACT * sst) exact = true;
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
