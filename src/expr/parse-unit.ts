import { UnitError } from "./errors.js";
import { DIMENSIONLESS, multiplyDimensions, powerDimension, UNITS, type Dimension } from "./dimension.js";

const PREFIXES = ["Y", "Z", "E", "P", "T", "G", "M", "k", "h", "da", "d", "c", "m", "u", "µ", "μ", "n", "p", "f", "a"];

function lookupUnit(symbol: string, text: string): Dimension {
  if (Object.hasOwn(UNITS, symbol)) return UNITS[symbol];
  for (const p of PREFIXES) {
    if (symbol.startsWith(p) && symbol.length > p.length) {
      const rest = symbol.slice(p.length);
      if (Object.hasOwn(UNITS, rest) && rest !== "1" && rest !== "kg") return UNITS[rest];
    }
  }
  throw new UnitError(`unknown unit '${symbol}' in '${text}'`);
}

/**
 * Parses a unit such as `kg*m/s^2`, `m s^-1`, `V`, `T` (tesla), `J/(mol*K)` or `1` into a dimension.
 * Products are written with `*`, `·` or a space, powers with `^` or `**` (integers or fractions like `1/2`
 * in parentheses). Throws `UnitError` naming the unit text.
 */
export function parseUnit(text: string): Dimension {
  if (typeof text !== "string" || text.trim() === "") throw new UnitError("empty unit");
  if (text.length > 200) throw new UnitError(`unit too long: '${text.slice(0, 40)}…'`);
  const tokens = text.replace(/\*\*/g, "^").match(/[A-Za-zΩµμ]+|\d+(?:\.\d+)?|[*/^()·\-+]|\s+|./g) ?? [];
  let pos = 0;
  const peek = () => {
    while (pos < tokens.length && /^\s+$/.test(tokens[pos])) pos++;
    return tokens[pos];
  };
  const fail = (why: string): never => {
    throw new UnitError(`bad unit '${text}': ${why}`);
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

