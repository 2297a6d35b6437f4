import type { Expr } from "./ast.js";
import { DIMENSIONLESS, formatDimension, isDimensionless, multiplyDimensions, powerDimension, sameDimension, type Dimension } from "./dimension.js";
import { toInfix } from "./print-infix.js";

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

