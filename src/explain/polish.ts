/**
 * Polishing the chosen law: each fitted constant is tried at a simpler value — 0 (drop the term) or
 * the nearest simple fraction — with the other constants refitted; the change is kept when the total
 * description length drops. 5.6e-17 becomes 0, 0.4999999999 becomes 1/2, and the law gets shorter.
 */
import { num, type Expr } from "../expr/ast.js";
import { measure, type FinalData, type MeasuredLaw } from "./final-selection.js";
import { nearestFraction } from "./rational.js";

/** Returns `law` with constants simplified where that lowers its total bits. */
export function polishLaw(law: MeasuredLaw, data: FinalData, seed: number): MeasuredLaw {
  let best = law;
  for (let round = 0; round < 8; round++) {
    let improved = false;
    for (let k = 0; k < best.params.length && !improved; k++) {
      const p = best.params[k];
      const f = nearestFraction(p, 12);
      const options = [0, Math.round(p), f.n / f.d].filter((x, i, xs) => xs.indexOf(x) === i && x !== p);
      for (const value of options) {
        const cand = measure({ expr: fixParam(best.expr, k, value), params: best.params.filter((_, j) => j !== k), source: best.source, literalsFixed: true }, data, seed);
        if (cand && cand.bits.total < best.bits.total - 1e-9) {
          best = cand;
          improved = true;
          break;
        }
      }
    }
    if (!improved) break;
  }
  return best;
}

// Param k becomes the literal `value`; later params shift down one index.
function fixParam(e: Expr, k: number, value: number): Expr {
  switch (e.kind) {
    case "param":
      if (e.index === k) return num(value);
      return e.index > k ? { kind: "param", index: e.index - 1, name: `c${e.index - 1}` } : e;
    case "unary":
      return { kind: "unary", op: e.op, arg: fixParam(e.arg, k, value) };
    case "binary":
      return { kind: "binary", op: e.op, left: fixParam(e.left, k, value), right: fixParam(e.right, k, value) };
    default:
      return e;
  }
}
