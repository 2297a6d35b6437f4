import { binary, mapExpr, num, unary, type Expr } from "./ast.js";
import { exprKey } from "./hash.js";
import { frac, fracAdd, fracDiv, fracMul, fracValue, type Fraction } from "./rational.js";

/**
 * Rewrites a tree into a simpler, canonical form with the same values wherever the original is finite:
 * constant folding (exact results only, so `1/3` stays a fraction), identities (`x+0`, `x*1`, `x^1`, `x-x`,
 * `x/x`, `--x`, `log(exp(x))`), sums as sorted like-terms with fraction coefficients, products as sorted
 * powers of like bases (`x*x/x^3` → `1/x`), and operands of `+ * min max` in a canonical order, so that
 * equal laws written differently usually simplify to the same tree (hash `simplify(e)` to de-duplicate).
 */
export function simplify(expr: Expr): Expr {
  // Keys of the same subtrees are asked for many times within one call; remember them for this call only.
  memo = new Map();
  try {
    return simplifyPasses(expr);
  } finally {
    memo = new Map();
  }
}

let memo = new Map<Expr, string>();
const keyOf = (e: Expr): string => exprKey(e, memo);

function simplifyPasses(expr: Expr): Expr {
  let current = expr;
  let key = keyOf(current);
  for (let pass = 0; pass < 4; pass++) {
    const next = mapExpr(current, rewrite);
    const nextKey = keyOf(next);
    if (nextKey === key) return next;
    current = next;
    key = nextKey;
  }
  return current;
}

function rewrite(e: Expr): Expr {
  switch (e.kind) {
    case "unary":
      return e.op === "neg" ? normalizeSum(e) : rewriteFunction(e.op, e.arg, e);
    case "binary":
      switch (e.op) {
        case "+":
        case "-":
          return normalizeSum(e);
        case "*":
        case "/":
          return normalizeProduct(e);
        case "^":
          return rewritePower(e.left, e.right, e);
        case "min":
        case "max":
          return rewriteMinMax(e.op, e.left, e.right);
      }
  }
  return e;
}

// ---------- sums ----------

interface Term {
  coef: Fraction;
  factors: Factor[];
}

function normalizeSum(e: Expr): Expr {
  let constant = frac(0);
  const terms = new Map<string, Term>();
  const collect = (n: Expr, negate: boolean): void => {
    if (n.kind === "num") {
      constant = fracAdd(constant, numFraction(negate ? -n.value : n.value));
    } else if (n.kind === "unary" && n.op === "neg") {
      collect(n.arg, !negate);
    } else if (n.kind === "binary" && (n.op === "+" || n.op === "-")) {
      collect(n.left, negate);
      collect(n.right, n.op === "-" ? !negate : negate);
    } else {
      const p = productParts(n);
      if (p.coef.n === 0) return;
      const coef = negate ? frac(-p.coef.n, p.coef.d) : p.coef;
      if (p.factors.length === 0) {
        constant = fracAdd(constant, coef);
        return;
      }
      const key = factorsKey(p.factors);
      const known = terms.get(key);
      if (known) known.coef = fracAdd(known.coef, coef);
      else terms.set(key, { coef, factors: p.factors });
    }
  };
  collect(e, false);
  const sorted = [...terms.entries()].filter(([, t]) => t.coef.n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let result: Expr | undefined;
  for (const [, t] of sorted) {
    if (result === undefined) result = productExpr(t.coef, t.factors);
    else if (t.coef.n < 0) result = binary("-", result, productExpr(frac(-t.coef.n, t.coef.d), t.factors));
    else result = binary("+", result, productExpr(t.coef, t.factors));
  }
  if (constant.n !== 0 || result === undefined) {
    if (result === undefined) return fractionExpr(constant);
    if (constant.n < 0) return binary("-", result, fractionExpr(frac(-constant.n, constant.d)));
    return binary("+", result, fractionExpr(constant));
  }
  return result;
}

// ---------- products ----------

interface Factor {
  base: Expr;
  key: string;
  exp: number;
}

function numFraction(value: number): Fraction {
  return frac(value);
}

/** Splits a product into a fraction coefficient and powers of distinct bases. */
function productParts(e: Expr): Term {
  let coef = frac(1);
  const factors = new Map<string, Factor>();
  const add = (base: Expr, exp: number): void => {
    const key = keyOf(base);
    const known = factors.get(key);
    if (known) known.exp += exp;
    else factors.set(key, { base, key, exp });
  };
  const collect = (n: Expr, sign: 1 | -1): void => {
    if (n.kind === "num") {
      coef = sign === 1 ? fracMul(coef, numFraction(n.value)) : fracDiv(coef, numFraction(n.value));
    } else if (n.kind === "unary" && n.op === "neg") {
      coef = frac(-coef.n, coef.d);
      collect(n.arg, sign);
    } else if (n.kind === "binary" && (n.op === "*" || n.op === "/")) {
      collect(n.left, sign);
      collect(n.right, n.op === "/" ? (-sign as 1 | -1) : sign);
    } else if (n.kind === "binary" && n.op === "^" && n.right.kind === "num" && Number.isFinite(n.right.value)) {
      add(n.left, sign * n.right.value);
    } else {
      add(n, sign);
    }
  };
  collect(e, 1);
  if (!Number.isFinite(fracValue(coef))) return { coef: frac(1), factors: [{ base: e, key: keyOf(e), exp: 1 }] };
  const list = [...factors.values()].filter((f) => f.exp !== 0).sort(compareFactors);
  return { coef, factors: list };
}

/** Canonical factor order that also reads naturally: π first, then names, then compound factors. */
function factorRank(base: Expr): number {
  return base.kind === "pi" ? 0 : base.kind === "var" || base.kind === "param" ? 1 : 2;
}

function compareFactors(a: Factor, b: Factor): number {
  const r = factorRank(a.base) - factorRank(b.base);
  if (r !== 0) return r;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function factorsKey(factors: Factor[]): string {
  return factors.map((f) => `${f.key}^${f.exp}`).join("*");
}

function powerExpr(f: Factor, exp: number): Expr {
  return exp === 1 ? f.base : binary("^", f.base, num(exp));
}

function fractionExpr(c: Fraction): Expr {
  return c.d === 1 ? num(c.n) : binary("/", num(c.n), num(c.d));
}

/** Rebuilds coefficient · Π base^exp as `c*a*b/(d*e)`, with unit coefficients left out. */
function productExpr(coef: Fraction, factors: Factor[]): Expr {
  if (coef.n === 0) return num(0);
  let top: Expr | undefined;
  let bottom: Expr | undefined;
  const times = (acc: Expr | undefined, x: Expr): Expr => (acc === undefined ? x : binary("*", acc, x));
  const negative = coef.n < 0;
  const absN = Math.abs(coef.n);
  if (absN !== 1) top = num(absN);
  if (coef.d !== 1) bottom = num(coef.d);
  for (const f of factors) {
    if (f.exp > 0) top = times(top, powerExpr(f, f.exp));
    else bottom = times(bottom, powerExpr(f, -f.exp));
  }
  let result: Expr = top ?? num(1);
  if (bottom !== undefined) result = binary("/", result, bottom);
  if (!negative) return result;
  // A negative literal coefficient prints as `-2*x`; otherwise negate the whole product.
  if (result.kind === "num") return num(-result.value);
  if (result.kind === "binary" && (result.op === "*" || result.op === "/")) {
    // `-x*y` reads back as (-x)*y, so negating the leading factor keeps the printed form short and exact.
    const lead = leftmost(result);
    return replaceLeftmost(result, lead.kind === "num" ? num(-lead.value) : unary("neg", lead));
  }
  return unary("neg", result);
}

function leftmost(e: Expr): Expr {
  return e.kind === "binary" && (e.op === "*" || e.op === "/") ? leftmost(e.left) : e;
}

function replaceLeftmost(e: Expr, by: Expr): Expr {
  if (e.kind === "binary" && (e.op === "*" || e.op === "/")) return binary(e.op, replaceLeftmost(e.left, by), e.right);
  return by;
}

function normalizeProduct(e: Expr): Expr {
  const p = productParts(e);
  return productExpr(p.coef, p.factors);
}

// ---------- powers, functions, min/max ----------

function rewritePower(base: Expr, exponent: Expr, original: Expr): Expr {
  if (exponent.kind === "num") {
    if (exponent.value === 0) return num(1);
    if (exponent.value === 1) return base;
    if (base.kind === "num") {
      const r = Math.pow(base.value, exponent.value);
      // Fold only exact, finite results (integer powers of numbers whose result is an integer or a power of two).
      if (Number.isFinite(r) && Number.isInteger(exponent.value) && Math.abs(exponent.value) <= 64 && (Number.isInteger(r) || Number.isInteger(1 / r))) {
        return Number.isInteger(r) ? num(r) : binary("/", num(1), num(1 / r));
      }
    }
    if (base.kind === "binary" && base.op === "^" && base.right.kind === "num" && Number.isInteger(exponent.value)) {
      // (u^a)^k = u^(a·k) for integer k.
      return rewritePower(base.left, num(base.right.value * exponent.value), original);
    }
    if (base.kind === "binary" && (base.op === "*" || base.op === "/")) return normalizeProduct(binary("^", base, exponent));
    if (base === (original as { left?: Expr }).left && exponent === (original as { right?: Expr }).right) return original;
    return binary("^", base, exponent);
  }
  if (base.kind === "num" && base.value === 1) return num(1);
  return original.kind === "binary" && original.left === base && original.right === exponent ? original : binary("^", base, exponent);
}

const FOLD_AT_ZERO: Partial<Record<string, number>> = { sin: 0, tan: 0, asin: 0, atan: 0, sinh: 0, tanh: 0, cos: 1, cosh: 1, exp: 1, sqrt: 0, abs: 0 };

function rewriteFunction(op: Exclude<Expr & { kind: "unary" }, never>["op"], arg: Expr, original: Expr): Expr {
  if (arg.kind === "num") {
    if (arg.value === 0 && FOLD_AT_ZERO[op] !== undefined) return num(FOLD_AT_ZERO[op]!);
    if (op === "log" && arg.value === 1) return num(0);
    if (op === "abs") return num(Math.abs(arg.value));
    if (op === "sqrt" && arg.value > 0) {
      const r = Math.sqrt(arg.value);
      if (Number.isInteger(r) && r * r === arg.value) return num(r);
    }
  }
  if (op === "log" && arg.kind === "unary" && arg.op === "exp") return arg.arg;
  if (op === "exp" && arg.kind === "unary" && arg.op === "log") return arg.arg;
  if (op === "abs" && arg.kind === "unary" && (arg.op === "abs" || arg.op === "neg")) return unary("abs", arg.arg);
  if (op === "abs" && arg.kind === "unary" && (arg.op === "exp" || arg.op === "sqrt" || arg.op === "cosh")) return arg;
  if (op === "sqrt" && arg.kind === "binary" && arg.op === "^" && arg.right.kind === "num" && arg.right.value === 2) return unary("abs", arg.left);
  return original;
}

function rewriteMinMax(op: "min" | "max", a: Expr, b: Expr): Expr {
  if (a.kind === "num" && b.kind === "num") return num(op === "min" ? Math.min(a.value, b.value) : Math.max(a.value, b.value));
  const ka = keyOf(a);
  const kb = keyOf(b);
  if (ka === kb) return a;
  return ka <= kb ? binary(op, a, b) : binary(op, b, a);
}
