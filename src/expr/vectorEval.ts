import { applyBinary, applyUnary } from "./interpret.js";
import type { Plan } from "./plan.js";

/**
 * Executes a plan column by column: each step is one tight loop over all rows, and steps that do not depend
 * on the row are computed once as scalars. No code is generated, so a law evaluated only once or twice costs
 * no compilation; the values are bit-for-bit those of the compiled kernel (same operations, same order).
 * Returns one array per plan result; `outs[j]` is written when given and long enough.
 */
export function runPlan(plan: Plan, columns: readonly Float64Array[], params: ArrayLike<number>, n: number, outs: (Float64Array | undefined)[] = []): Float64Array[] {
  const values: (Float64Array | number)[] = new Array(plan.steps.length);
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
          const r = new Float64Array(n);
          if (step.op === "neg") for (let i = 0; i < n; i++) r[i] = -a[i];
          else for (let i = 0; i < n; i++) r[i] = applyUnary(step.op, a[i]);
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
        const r = new Float64Array(n);
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
