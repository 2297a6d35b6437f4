import type { Expr } from "./ast.js";

// Binding strength of what a node prints as; an operand weaker than its slot needs is parenthesised.
const SUM = 1;
const PRODUCT = 2;
const UNARY = 3; // unary minus and negative literals
const POWER = 4;
const ATOM = 5;

/** Formats a number so that `Number(text)` gives back exactly the same value (infinite values as 1e999). */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "(0/0)";
  if (value === Infinity) return "1e999";
  if (value === -Infinity) return "-1e999";
  if (Object.is(value, -0)) return "-0";
  return String(value);
}

function isNegativeNumber(value: number): boolean {
  return value < 0 || Object.is(value, -0);
}

/**
 * Prints a tree as contract infix. The output parses back to the same tree (`parse(toInfix(e))`), given the
 * same variables list for trees with params. With `params`, each param prints as its fitted value.
 */
export function toInfix(expr: Expr, params?: ArrayLike<number>): string {
  return print(expr, params).text;
}

interface Printed {
  text: string;
  prec: number;
}

function wrap(p: Printed, min: number, forbidUnary = false): string {
  if (p.prec < min || (forbidUnary && p.prec === UNARY)) return `(${p.text})`;
  return p.text;
}

function printNumber(value: number): Printed {
  if (Number.isNaN(value)) return { text: "(0/0)", prec: ATOM };
  return { text: formatNumber(value), prec: isNegativeNumber(value) ? UNARY : ATOM };
}

function print(e: Expr, params: ArrayLike<number> | undefined): Printed {
  switch (e.kind) {
    case "num":
      return printNumber(e.value);
    case "pi":
      return { text: "pi", prec: ATOM };
    case "var":
      return { text: e.name, prec: ATOM };
    case "param":
      if (params !== undefined) return printNumber(Number(params[e.index]));
      return { text: e.name, prec: ATOM };
    case "unary": {
      const a = print(e.arg, params);
      if (e.op === "neg") {
        // `-2` would read back as a negative literal, and `-x*y` as `(-x)*y`: parenthesise those operands.
        const needsParens = a.prec < POWER || (e.arg.kind === "num" && !isNegativeNumber(e.arg.value));
        return { text: `-${needsParens ? `(${a.text})` : a.text}`, prec: UNARY };
      }
      return { text: `${e.op}(${a.text})`, prec: ATOM };
    }
    case "binary": {
      const l = print(e.left, params);
      const r = print(e.right, params);
      switch (e.op) {
        case "+":
        case "-":
          return { text: `${wrap(l, SUM)} ${e.op} ${wrap(r, PRODUCT, true)}`, prec: SUM };
        case "*":
        case "/":
          return { text: `${wrap(l, PRODUCT)}${e.op}${wrap(r, POWER)}`, prec: PRODUCT };
        case "^":
          return { text: `${wrap(l, ATOM)}^${wrap(r, POWER)}`, prec: POWER };
        case "min":
        case "max":
          return { text: `${e.op}(${l.text}, ${r.text})`, prec: ATOM };
      }
    }
  }
  throw new Error(`toInfix: unknown node ${JSON.stringify(e)}`);
}
