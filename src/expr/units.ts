import type { Expr } from "./ast.js";
import { UserError } from "../errors.js";
import { toInfix } from "./printInfix.js";

/** The SI base dimensions, in the order of a `Dimension` vector. */
export const BASE_DIMENSIONS = ["m", "s", "kg", "K", "A", "mol", "cd"] as const;

/** Exponents over m, s, kg, K, A, mol, cd (rational exponents such as ½ appear under square roots). */
export type Dimension = readonly [number, number, number, number, number, number, number];

/** The dimension of a pure number. */
export const DIMENSIONLESS: Dimension = Object.freeze([0, 0, 0, 0, 0, 0, 0]) as Dimension;

const d = (m: number, s: number, kg: number, K = 0, A = 0, mol = 0, cd = 0): Dimension => Object.freeze([m, s, kg, K, A, mol, cd]) as Dimension;

/** Named units and the dimensions they stand for (prefixes are accepted on top of these). */
export const UNITS: Readonly<Record<string, Dimension>> = Object.freeze({
  "1": DIMENSIONLESS,
  m: d(1, 0, 0),
  s: d(0, 1, 0),
  kg: d(0, 0, 1),
  g: d(0, 0, 1),
  K: d(0, 0, 0, 1),
  A: d(0, 0, 0, 0, 1),
  mol: d(0, 0, 0, 0, 0, 1),
  cd: d(0, 0, 0, 0, 0, 0, 1),
  rad: DIMENSIONLESS,
  sr: DIMENSIONLESS,
  Hz: d(0, -1, 0),
  N: d(1, -2, 1),
  Pa: d(-1, -2, 1),
  J: d(2, -2, 1),
  W: d(2, -3, 1),
  C: d(0, 1, 0, 0, 1),
  V: d(2, -3, 1, 0, -1),
  F: d(-2, 4, -1, 0, 2),
  ohm: d(2, -3, 1, 0, -2),
  "Ω": d(2, -3, 1, 0, -2),
  S: d(-2, 3, -1, 0, 2),
  Wb: d(2, -2, 1, 0, -1),
  T: d(0, -2, 1, 0, -1),
  H: d(2, -2, 1, 0, -2),
  L: d(3, 0, 0),
  eV: d(2, -2, 1),
  min: d(0, 1, 0),
  h: d(0, 1, 0),
});

const PREFIXES = ["Y", "Z", "E", "P", "T", "G", "M", "k", "h", "da", "d", "c", "m", "u", "µ", "μ", "n", "p", "f", "a"];

/** Whether two dimensions are equal (exponents compared to 1e-9, since square roots give halves). */
export function sameDimension(a: Dimension, b: Dimension): boolean {
  return a.every((x, i) => Math.abs(x - b[i]) < 1e-9);
}

/** a · b */
export function multiplyDimensions(a: Dimension, b: Dimension): Dimension {
  return a.map((x, i) => x + b[i]) as unknown as Dimension;
}

/** a ^ k */
export function powerDimension(a: Dimension, k: number): Dimension {
  return a.map((x) => x * k) as unknown as Dimension;
}

/** Whether a dimension is that of a pure number. */
export function isDimensionless(a: Dimension): boolean {
  return sameDimension(a, DIMENSIONLESS);
}

/** Prints a dimension in base units, e.g. `kg*m^2/s^2`, or `1`. */
export function formatDimension(a: Dimension): string {
  const fmt = (x: number) => (Number.isInteger(x) ? String(x) : String(Math.round(x * 1e6) / 1e6));
  const order = [2, 0, 4, 3, 5, 6, 1]; // kg m A K mol cd s reads like the usual J = kg*m^2/s^2
  const top: string[] = [];
  const bottom: string[] = [];
  for (const i of order) {
    const x = a[i];
    if (Math.abs(x) < 1e-9) continue;
    const name = BASE_DIMENSIONS[i];
    const e = Math.abs(x);
    (x > 0 ? top : bottom).push(e === 1 ? name : `${name}^${fmt(e)}`);
  }
  if (top.length === 0 && bottom.length === 0) return "1";
  const num = top.length ? top.join("*") : "1";
  if (bottom.length === 0) return num;
  return `${num}/${bottom.length > 1 ? `(${bottom.join("*")})` : bottom[0]}`;
}

function lookupUnit(symbol: string, text: string): Dimension {
  if (Object.hasOwn(UNITS, symbol)) return UNITS[symbol];
  for (const p of PREFIXES) {
    if (symbol.startsWith(p) && symbol.length > p.length) {
      const rest = symbol.slice(p.length);
      if (Object.hasOwn(UNITS, rest) && rest !== "1" && rest !== "kg") return UNITS[rest];
    }
  }
  throw new UserError(`unknown unit '${symbol}' in '${text}'`);
}

/**
 * Parses a unit such as `kg*m/s^2`, `m s^-1`, `V`, `T` (tesla), `J/(mol*K)` or `1` into a dimension.
 * Products are written with `*`, `·` or a space, powers with `^` or `**` (integers or fractions like `1/2`
 * in parentheses). Throws `UserError` naming the unit text.
 */
export function parseUnit(text: string): Dimension {
  if (typeof text !== "string" || text.trim() === "") throw new UserError("empty unit");
  if (text.length > 200) throw new UserError(`unit too long: '${text.slice(0, 40)}…'`);
  const tokens = text.replace(/\*\*/g, "^").match(/[A-Za-zΩµμ]+|\d+(?:\.\d+)?|[*/^()·\-+]|\s+|./g) ?? [];
  let pos = 0;
  const peek = () => {
    while (pos < tokens.length && /^\s+$/.test(tokens[pos])) pos++;
    return tokens[pos];
  };
  const fail = (why: string): never => {
    throw new UserError(`bad unit '${text}': ${why}`);
  };
  const exponent = (): number => {
    const t = peek();
    if (t === "(") {
      pos++;
      let sign = 1;
      if (peek() === "-") {
        sign = -1;
        pos++;
      }
      const a = Number(peek());
      if (!Number.isFinite(a)) fail("expected a number in the exponent");
      pos++;
      let value = a;
      if (peek() === "/") {
        pos++;
        const b = Number(peek());
        if (!Number.isFinite(b) || b === 0) fail("expected a denominator in the exponent");
        pos++;
        value = a / b;
      }
      if (peek() !== ")") fail("missing ')' in the exponent");
      pos++;
      return sign * value;
    }
    let sign = 1;
    if (t === "-" || t === "+") {
      sign = t === "-" ? -1 : 1;
      pos++;
    }
    const n = Number(peek());
    if (!Number.isFinite(n)) fail("expected an exponent after '^'");
    pos++;
    return sign * n;
  };
  const factor = (depth: number): Dimension => {
    if (depth > 20) fail("nested too deeply");
    const t = peek();
    let base: Dimension;
    if (t === undefined) return fail("unexpected end");
    if (t === "(") {
      pos++;
      base = product(depth + 1);
      if (peek() !== ")") fail("missing ')'");
      pos++;
    } else if (/^\d/.test(t)) {
      if (Number(t) !== 1) fail(`only the number 1 may stand for a unit, got '${t}'`);
      pos++;
      base = DIMENSIONLESS;
    } else if (/^[A-Za-zΩµμ]+$/.test(t)) {
      pos++;
      base = lookupUnit(t, text);
    } else {
      return fail(`unexpected '${t}'`);
    }
    if (peek() === "^") {
      pos++;
      base = powerDimension(base, exponent());
    }
    return base;
  };
  const product = (depth: number): Dimension => {
    let acc = factor(depth);
    for (;;) {
      const t = peek();
      if (t === "*" || t === "·") {
        pos++;
        acc = multiplyDimensions(acc, factor(depth));
      } else if (t === "/") {
        pos++;
        acc = multiplyDimensions(acc, powerDimension(factor(depth), -1));
      } else if (t !== undefined && t !== ")" && (/^[A-Za-zΩµμ(]/.test(t) || /^\d/.test(t))) {
        acc = multiplyDimensions(acc, factor(depth)); // juxtaposition: `m s^-1`
      } else {
        return acc;
      }
    }
  };
  const result = product(0);
  if (peek() !== undefined) fail(`unexpected '${peek()}'`);
  return Object.freeze(result.map((x) => (Object.is(x, -0) ? 0 : x))) as unknown as Dimension;
}

/** Outcome of a dimensional check. */
export type DimensionCheck = { ok: true; dimension: Dimension } | { ok: false; message: string; where: string };

/** A dimension, or `free` for a subtree whose fitted constants can take whatever dimension is needed. */
type Inferred = Dimension | "free";

class DimensionMismatch extends Error {
  constructor(
    message: string,
    readonly where: string,
  ) {
    super(message);
  }
}

/**
 * Checks that a law is dimensionally consistent: terms of a sum (and `min`/`max` arguments) agree, arguments
 * of `exp log sin …` and exponents are dimensionless, and the result matches `target` if given. Fitted
 * constants are wildcards that take whatever dimension makes the law consistent (so `c*x + y` passes),
 * unless fixed through `paramUnits`. Literal numbers and `pi` are dimensionless.
 */
export function checkDimensions(
  expr: Expr,
  varUnits: Readonly<Record<string, Dimension>>,
  target?: Dimension,
  paramUnits?: Readonly<Record<number, Dimension>>,
): DimensionCheck {
  const infer = (e: Expr): Inferred => {
    switch (e.kind) {
      case "num":
      case "pi":
        return DIMENSIONLESS;
      case "param":
        return paramUnits && Object.hasOwn(paramUnits, e.index) ? paramUnits[e.index] : "free";
      case "var":
        if (!Object.hasOwn(varUnits, e.name)) throw new DimensionMismatch(`no unit is given for '${e.name}'`, e.name);
        return varUnits[e.name];
      case "unary": {
        const a = infer(e.arg);
        if (e.op === "neg" || e.op === "abs") return a;
        if (e.op === "sqrt") return a === "free" ? "free" : powerDimension(a, 0.5);
        requireDimensionless(a, e.arg, `the argument of ${e.op}`);
        return DIMENSIONLESS;
      }
      case "binary": {
        const a = infer(e.left);
        const b = infer(e.right);
        switch (e.op) {
          case "+":
          case "-":
          case "min":
          case "max": {
            if (a === "free") return b;
            if (b === "free") return a;
            if (!sameDimension(a, b)) {
              const what = e.op === "+" || e.op === "-" ? `terms of '${e.op}'` : `arguments of ${e.op}`;
              throw new DimensionMismatch(`${what} differ: ${formatDimension(a)} vs ${formatDimension(b)}`, toInfix(e));
            }
            return a;
          }
          case "*":
            return a === "free" || b === "free" ? "free" : multiplyDimensions(a, b);
          case "/":
            return a === "free" || b === "free" ? "free" : multiplyDimensions(a, powerDimension(b, -1));
          case "^": {
            requireDimensionless(b, e.right, "an exponent");
            if (a === "free") return "free";
            if (isDimensionless(a)) return DIMENSIONLESS;
            const k = constantValue(e.right);
            if (k === undefined) {
              // x^c with dimensioned x: consistent only if a fitted constant elsewhere absorbs it, which the
              // product rule already treats as free.
              return "free";
            }
            return powerDimension(a, k);
          }
        }
      }
    }
    throw new DimensionMismatch("unknown node", "?");
  };
  try {
    const result = infer(expr);
    if (target && result !== "free" && !sameDimension(result, target)) {
      return { ok: false, message: `the law has dimension ${formatDimension(result)} but the target has ${formatDimension(target)}`, where: toInfix(expr) };
    }
    return { ok: true, dimension: result === "free" ? (target ?? DIMENSIONLESS) : result };
  } catch (err) {
    if (err instanceof DimensionMismatch) return { ok: false, message: err.message, where: err.where };
    throw err;
  }
}

function requireDimensionless(a: Inferred, at: Expr, what: string): void {
  if (a !== "free" && !isDimensionless(a)) throw new DimensionMismatch(`${what} must be dimensionless, got ${formatDimension(a)}`, toInfix(at));
}

/** The value of a subtree made only of numbers, pi and arithmetic (e.g. the `1/2` of `x^(1/2)`), else undefined. */
function constantValue(e: Expr): number | undefined {
  switch (e.kind) {
    case "num":
      return e.value;
    case "pi":
      return Math.PI;
    case "unary":
      if (e.op === "neg") {
        const a = constantValue(e.arg);
        return a === undefined ? undefined : -a;
      }
      return undefined;
    case "binary": {
      const a = constantValue(e.left);
      const b = constantValue(e.right);
      if (a === undefined || b === undefined) return undefined;
      switch (e.op) {
        case "+":
          return a + b;
        case "-":
          return a - b;
        case "*":
          return a * b;
        case "/":
          return a / b;
        case "^":
          return Math.pow(a, b);
        default:
          return undefined;
      }
    }
    default:
      return undefined;
  }
}

/**
 * The dimension of one row of the Feynman benchmark's `units.csv`, whose columns are exponents of m, s, kg,
 * T and V. In that file T is temperature (kelvin — `T`, `T1`, `T2` and the `K` in `kb` use it) and V is the
 * volt (kg·m²·s⁻³·A⁻¹); charge appears as J/V, magnetic field as V·s/m².
 */
export function dimensionFromFeynmanRow(row: { m: number; s: number; kg: number; T: number; V: number }): Dimension {
  const volt = UNITS.V;
  const base = d(row.m, row.s, row.kg, row.T, 0);
  return Object.freeze(multiplyDimensions(base, powerDimension(volt, row.V)).map((x) => (Object.is(x, -0) ? 0 : x))) as unknown as Dimension;
}
