import { num, type Expr } from "./ast.js";
import { addB, callB, divB, mulB, negB, powB, subB } from "./build.js";

/** Which leaf the derivative is taken with respect to. */
type Wrt = (leaf: Expr) => boolean;

/** Symbolic derivative of `expr` with respect to the input variable `varName`. */
export function derivative(expr: Expr, varName: string): Expr {
  return differentiate(expr, (n) => n.kind === "var" && n.name === varName);
}

/** Symbolic derivative of `expr` with respect to fitted constant number `index`. */
export function paramDerivative(expr: Expr, index: number): Expr {
  return differentiate(expr, (n) => n.kind === "param" && n.index === index);
}

function dependsOn(e: Expr, wrt: Wrt, memo: WeakMap<Expr, boolean>): boolean {
  const known = memo.get(e);
  if (known !== undefined) return known;
  let r: boolean;
  if (e.kind === "unary") r = dependsOn(e.arg, wrt, memo);
  else if (e.kind === "binary") r = dependsOn(e.left, wrt, memo) || dependsOn(e.right, wrt, memo);
  else r = wrt(e);
  memo.set(e, r);
  return r;
}

const ZERO = num(0);
const ONE = num(1);
const TWO = num(2);

/**
 * The derivative by the usual rules. `abs`, `min` and `max` use sign(u) = u/|u|, so their derivative is
 * NaN exactly at the kink (where it does not exist).
 */
export function differentiate(expr: Expr, wrt: Wrt): Expr {
  const memo = new WeakMap<Expr, boolean>();
  const d = (e: Expr): Expr => {
    if (!dependsOn(e, wrt, memo)) return ZERO;
    switch (e.kind) {
      case "num":
      case "pi":
        return ZERO;
      case "var":
      case "param":
        return ONE;
      case "unary": {
        const u = e.arg;
        const du = d(u);
        switch (e.op) {
          case "neg":
            return negB(du);
          case "sin":
            return mulB(callB("cos", u), du);
          case "cos":
            return negB(mulB(callB("sin", u), du));
          case "tan":
            return divB(du, powB(callB("cos", u), TWO));
          case "asin":
            return divB(du, callB("sqrt", subB(ONE, powB(u, TWO))));
          case "acos":
            return negB(divB(du, callB("sqrt", subB(ONE, powB(u, TWO)))));
          case "atan":
            return divB(du, addB(ONE, powB(u, TWO)));
          case "sinh":
            return mulB(callB("cosh", u), du);
          case "cosh":
            return mulB(callB("sinh", u), du);
          case "tanh":
            return mulB(subB(ONE, powB(e, TWO)), du);
          case "exp":
            return mulB(e, du);
          case "log":
            return divB(du, u);
          case "sqrt":
            return divB(du, mulB(TWO, e));
          case "abs":
            return mulB(divB(u, e), du);
        }
        break;
      }
      case "binary": {
        const a = e.left;
        const b = e.right;
        const da = d(a);
        const db = d(b);
        switch (e.op) {
          case "+":
            return addB(da, db);
          case "-":
            return subB(da, db);
          case "*":
            return addB(mulB(da, b), mulB(a, db));
          case "/":
            return subB(divB(da, b), divB(mulB(a, db), powB(b, TWO)));
          case "^": {
            const bDep = dependsOn(b, wrt, memo);
            if (!bDep) {
              // d(a^k) = k·a^(k-1)·da; a numeric exponent keeps the power literal.
              const km1 = b.kind === "num" ? num(b.value - 1) : subB(b, ONE);
              return mulB(mulB(b, powB(a, km1)), da);
            }
            if (!dependsOn(a, wrt, memo)) return mulB(mulB(e, callB("log", a)), db);
            return mulB(e, addB(mulB(db, callB("log", a)), divB(mulB(b, da), a)));
          }
          case "min":
          case "max": {
            // min(a,b) = (a+b-|a-b|)/2, max(a,b) = (a+b+|a-b|)/2.
            const diff = subB(a, b);
            const sign = divB(diff, callB("abs", diff));
            const half = mulB(subB(da, db), sign);
            return divB(e.op === "min" ? subB(addB(da, db), half) : addB(addB(da, db), half), TWO);
          }
        }
      }
    }
    throw new Error(`derivative: unknown node ${JSON.stringify(e)}`);
  };
  return d(expr);
}
