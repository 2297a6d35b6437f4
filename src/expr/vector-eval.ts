import { applyBinary, applyUnary } from "./interpret.js";
import type { UnaryOp } from "./ast.js";
import type { Plan } from "./plan.js";
import { ipow, MAX_INT_POWER } from "./power.js";

/**
 * Executes a plan column by column: each step is one tight loop over all rows, and steps that do not depend
 * on the row are computed once as scalars. No code is generated, so a law evaluated only once or twice costs
 * no compilation; the values are bit-for-bit those of the compiled kernel (same operations, same order).
 * Returns one array per plan result; `outs[j]` is written when given and long enough. The results are
 * always copies, never the scratch buffers.
 */
export function runPlan(
  plan: Plan,
  columns: readonly Float64Array[],
  params: ArrayLike<number>,
  n: number,
  outs: (Float64Array | undefined)[] = [],
  scratch: Float64Array[] = [],
): Float64Array[] {
  const values: (Float64Array | number)[] = new Array(plan.steps.length);
  // Intermediate arrays are reused across calls through `scratch` (one per step), so repeated evaluations
  // of the same law, as in a constant fit, allocate nothing.
  const buffer = (s: number): Float64Array => {
    const b = scratch[s];
    if (b !== undefined && b.length === n) return b;
    return (scratch[s] = new Float64Array(n));
  };
  for (let s = 0; s < plan.steps.length; s++) {
    const step = plan.steps[s];
    switch (step.kind) {
      case "const":
        values[s] = step.value;
        break;
      case "param":
        values[s] = +params[step.index];
        break;
      case "column":
        values[s] = columns[step.column];
        break;
      case "unary": {
        const a = values[step.a];
        if (typeof a === "number") {
          values[s] = applyUnary(step.op, a);
        } else {
          const r = buffer(s);
          unaryLoop(step.op, a, r, n);
          values[s] = r;
        }
        break;
      }
      case "binary": {
        const a = values[step.a];
        const b = values[step.b];
        if (typeof a === "number" && typeof b === "number") {
          values[s] = applyBinary(step.op, a, b);
          break;
        }
        const r = buffer(s);
        binaryLoop(step.op, a, b, r, n);
        values[s] = r;
        break;
      }
    }
  }
  return plan.results.map((id, j) => {
    const v = values[id];
    const out = outs[j] && outs[j]!.length >= n ? outs[j]! : new Float64Array(n);
    if (typeof v === "number") out.fill(v, 0, n);
    else for (let i = 0; i < n; i++) out[i] = v[i];
    return out;
  });
}

function unaryLoop(op: UnaryOp, a: Float64Array, r: Float64Array, n: number): void {
  // One loop per common function keeps each call site monomorphic, so V8 inlines the Math call.
  switch (op) {
    case "neg":
      for (let i = 0; i < n; i++) r[i] = -a[i];
      return;
    case "sin":
      for (let i = 0; i < n; i++) r[i] = Math.sin(a[i]);
      return;
    case "cos":
      for (let i = 0; i < n; i++) r[i] = Math.cos(a[i]);
      return;
    case "exp":
      for (let i = 0; i < n; i++) r[i] = Math.exp(a[i]);
      return;
    case "log":
      for (let i = 0; i < n; i++) r[i] = Math.log(a[i]);
      return;
    case "sqrt":
      for (let i = 0; i < n; i++) r[i] = Math.sqrt(a[i]);
      return;
    case "abs":
      for (let i = 0; i < n; i++) r[i] = Math.abs(a[i]);
      return;
    default:
      for (let i = 0; i < n; i++) r[i] = applyUnary(op, a[i]);
  }
}

function binaryLoop(op: string, a: Float64Array | number, b: Float64Array | number, r: Float64Array, n: number): void {
  // The four arithmetic operators get dedicated loops; the rest go through the shared scalar semantics.
  if (typeof a !== "number" && typeof b !== "number") {
    switch (op) {
      case "+":
        for (let i = 0; i < n; i++) r[i] = a[i] + b[i];
        return;
      case "-":
        for (let i = 0; i < n; i++) r[i] = a[i] - b[i];
        return;
      case "*":
        for (let i = 0; i < n; i++) r[i] = a[i] * b[i];
        return;
      case "/":
        for (let i = 0; i < n; i++) r[i] = a[i] / b[i];
        return;
      default:
        for (let i = 0; i < n; i++) r[i] = applyBinary(op as "+", a[i], b[i]);
        return;
    }
  }
  if (typeof a === "number") {
    const bb = b as Float64Array;
    switch (op) {
      case "+":
        for (let i = 0; i < n; i++) r[i] = a + bb[i];
        return;
      case "-":
        for (let i = 0; i < n; i++) r[i] = a - bb[i];
        return;
      case "*":
        for (let i = 0; i < n; i++) r[i] = a * bb[i];
        return;
      case "/":
        for (let i = 0; i < n; i++) r[i] = a / bb[i];
        return;
      default:
        for (let i = 0; i < n; i++) r[i] = applyBinary(op as "+", a, bb[i]);
        return;
    }
  }
  const aa = a;
  const bn = b as number;
  if (op === "^") {
    powLoop(aa, bn, r, n);
    return;
  }
  switch (op) {
    case "+":
      for (let i = 0; i < n; i++) r[i] = aa[i] + bn;
      return;
    case "-":
      for (let i = 0; i < n; i++) r[i] = aa[i] - bn;
      return;
    case "*":
      for (let i = 0; i < n; i++) r[i] = aa[i] * bn;
      return;
    case "/":
      for (let i = 0; i < n; i++) r[i] = aa[i] / bn;
      return;
    default:
      for (let i = 0; i < n; i++) r[i] = applyBinary(op as "+", aa[i], bn);
      return;
  }
}

/** `a^k` for a constant exponent: the same cases as `powFast`, decided once per loop instead of per row. */
function powLoop(a: Float64Array, k: number, r: Float64Array, n: number): void {
  if (k === 2) for (let i = 0; i < n; i++) r[i] = a[i] * a[i];
  else if (k === 3) for (let i = 0; i < n; i++) r[i] = a[i] * a[i] * a[i];
  else if (k === 1) for (let i = 0; i < n; i++) r[i] = +a[i];
  else if (k === -1) for (let i = 0; i < n; i++) r[i] = 1 / a[i];
  else if (k === -2) for (let i = 0; i < n; i++) r[i] = 1 / (a[i] * a[i]);
  else if (k === 0.5) for (let i = 0; i < n; i++) r[i] = Math.sqrt(a[i]);
  else if (Number.isInteger(k) && k !== 0 && Math.abs(k) <= MAX_INT_POWER) for (let i = 0; i < n; i++) r[i] = ipow(a[i], k);
  else for (let i = 0; i < n; i++) r[i] = Math.pow(a[i], k);
}
