// Imported file by file (not from the index) so the web app can bundle this without the whole engine.
import type { Expr } from "../expr/ast.js";
import { ParseError } from "../expr/errors.js";
import { parse } from "../expr/parse.js";

/**
 * Whether two laws written in infix have the same form: the same operators over the same variables,
 * whatever their fitted constants and the order of the terms of a sum or product. A "rejected
 * challenger" of the same form as the current law is only the current law refitted or reordered, and
 * not worth a reader's attention.
 */
export function sameForm(a: string, b: string, variables: readonly string[]): boolean {
  try {
    return formKey(parse(a, { variables })) === formKey(parse(b, { variables }));
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    return false;
  }
}

function flatten(e: Expr, op: "+" | "*", out: Expr[]): Expr[] {
  if (e.kind === "binary" && e.op === op) {
    flatten(e.left, op, out);
    flatten(e.right, op, out);
  } else out.push(e);
  return out;
}

// Constants print as `c` (integers, the exponents of a form, stay); a negated term and a subtracted one
// are the same term with another constant, so `-` reads as `+` and unary minus is dropped.
function formKey(e: Expr): string {
  switch (e.kind) {
    case "num":
      return Number.isInteger(e.value) && Math.abs(e.value) <= 12 ? String(Math.abs(e.value)) : "c";
    case "param":
      return "c";
    case "pi":
      return "pi";
    case "var":
      return e.name;
    case "unary":
      return e.op === "neg" ? formKey(e.arg) : `${e.op}(${formKey(e.arg)})`;
    case "binary": {
      if (e.op === "+" || e.op === "-") {
        const terms = [...flatten(e.left, "+", []), ...flatten(e.right, "+", [])].map(formKey).sort();
        return `+(${terms.join(",")})`;
      }
      if (e.op === "*") return `*(${flatten(e, "*", []).map(formKey).sort().join(",")})`;
      return `${e.op}(${formKey(e.left)},${formKey(e.right)})`;
    }
  }
}
