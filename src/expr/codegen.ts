import type { BinaryOp, Expr, UnaryOp } from "./ast.js";
import { MAX_INT_POWER } from "./power.js";

/**
 * Generates JavaScript source for a batch of expressions evaluated row by row over typed-array columns.
 *
 * Safety: the source is built only from our own vocabulary — operator names from a fixed table, numbers
 * formatted by `numberLiteral`, and column/param slots as integer indices. Identifier names never reach the
 * source, so no text a user or a model wrote can be executed.
 *
 * Speed: common subexpressions (by structure) are computed once per row; subexpressions that depend only on
 * params are hoisted out of the row loop; small integer powers become multiplications.
 */

const UNARY_JS: Record<UnaryOp, string> = {
  neg: "-",
  sin: "sin",
  cos: "cos",
  tan: "tan",
  asin: "asin",
  acos: "acos",
  atan: "atan",
  sinh: "sinh",
  cosh: "cosh",
  tanh: "tanh",
  exp: "exp",
  log: "log",
  sqrt: "sqrt",
  abs: "abs",
};

/** Preamble binding the Math functions (`M`) and power helpers (`H`) the generated code calls, as locals of the factory. */
export const MATH_PREAMBLE =
  "const sin=M.sin,cos=M.cos,tan=M.tan,asin=M.asin,acos=M.acos,atan=M.atan,sinh=M.sinh,cosh=M.cosh," +
  "tanh=M.tanh,exp=M.exp,log=M.log,sqrt=M.sqrt,abs=M.abs,pow=M.pow,min=M.min,max=M.max,ipow=H.ipow,pw=H.powFast;";

/** A JavaScript literal for a number (always parenthesised when negative). */
export function numberLiteral(value: number): string {
  const x = Number(value);
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "(-Infinity)";
  if (Object.is(x, -0)) return "(-0)";
  return x < 0 ? `(${String(x)})` : String(x);
}

function checkIndex(i: unknown, what: string): number {
  if (typeof i !== "number" || !Number.isInteger(i) || i < 0 || i > 1e6) throw new Error(`invalid ${what} index ${String(i)}`);
  return i;
}

/** Result of generating code for a list of expressions. */
export interface GeneratedLoop {
  /** Statements run once before the loop (param loads and param-only subexpressions). */
  pre: string[];
  /** Statements run once per row `i`. */
  body: string[];
  /** For each requested expression, the JS expression holding its value in the row loop. */
  results: string[];
  /** Column indices read. */
  columns: number[];
}

/** Emits per-row code for `exprs`, sharing structurally equal subtrees; `columnIndex` maps a variable name to its column. */
export function generateLoop(exprs: readonly Expr[], columnIndex: (name: string) => number): GeneratedLoop {
  const pre: string[] = [];
  const body: string[] = [];
  const columns = new Set<number>();
  const keyIds = new Map<string, number>();
  const nodeKey = new WeakMap<Expr, number>();
  const emitted = new Map<number, { ref: string; rowDependent: boolean }>();
  let temps = 0;

  const idOf = (key: string): number => {
    let id = keyIds.get(key);
    if (id === undefined) {
      id = keyIds.size;
      keyIds.set(key, id);
    }
    return id;
  };

  const emit = (e: Expr): { ref: string; rowDependent: boolean } => {
    const known = nodeKey.get(e);
    if (known !== undefined) return emitted.get(known)!;
    let key: string;
    let code: string;
    let rowDependent = false;
    let leafRef: string | undefined;
    switch (e.kind) {
      case "num":
        key = `n${numberLiteral(e.value)}`;
        leafRef = numberLiteral(e.value);
        code = leafRef;
        break;
      case "pi":
        key = "pi";
        leafRef = numberLiteral(Math.PI);
        code = leafRef;
        break;
      case "var": {
        const k = checkIndex(columnIndex(e.name), "column");
        columns.add(k);
        key = `v${k}`;
        code = `c${k}[i]`;
        rowDependent = true;
        break;
      }
      case "param": {
        const k = checkIndex(e.index, "param");
        key = `p${k}`;
        code = `+P[${k}]`;
        break;
      }
      case "unary": {
        const a = emit(e.arg);
        const op = Object.hasOwn(UNARY_JS, e.op) ? UNARY_JS[e.op] : undefined;
        if (op === undefined) throw new Error(`unknown unary operator ${String(e.op)}`);
        key = `u${e.op}:${nodeKey.get(e.arg)}`;
        code = e.op === "neg" ? `-${a.ref}` : `${op}(${a.ref})`;
        rowDependent = a.rowDependent;
        break;
      }
      case "binary": {
        const l = emit(e.left);
        const r = emit(e.right);
        key = `b${e.op}:${nodeKey.get(e.left)}:${nodeKey.get(e.right)}`;
        code = binaryCode(e.op, l.ref, r.ref, e.right);
        rowDependent = l.rowDependent || r.rowDependent;
        break;
      }
      default:
        throw new Error(`unknown expression node ${JSON.stringify(e)}`);
    }
    const id = idOf(key);
    nodeKey.set(e, id);
    const existing = emitted.get(id);
    if (existing) return existing;
    let result: { ref: string; rowDependent: boolean };
    if (leafRef !== undefined) {
      result = { ref: leafRef, rowDependent: false };
    } else {
      const name = `t${temps++}`;
      (rowDependent ? body : pre).push(`const ${name}=${code};`);
      result = { ref: name, rowDependent };
    }
    emitted.set(id, result);
    return result;
  };

  const results = exprs.map((e) => emit(e).ref);
  return { pre, body, results, columns: [...columns].sort((a, b) => a - b) };
}

function binaryCode(op: BinaryOp, a: string, b: string, right: Expr): string {
  switch (op) {
    case "+":
      return `${a}+${b}`;
    case "-":
      return `${a}-${b}`;
    case "*":
      return `${a}*${b}`;
    case "/":
      return `${a}/${b}`;
    case "^":
      if (right.kind === "num") {
        switch (right.value) {
          case 1:
            return `+${a}`;
          case 2:
            return `${a}*${a}`;
          case 3:
            return `${a}*${a}*${a}`;
          case -1:
            return `1/${a}`;
          case -2:
            return `1/(${a}*${a})`;
          case 0.5:
            return `sqrt(${a})`;
        }
        // Same rule as powFast, decided once here instead of per row.
        if (Number.isInteger(right.value) && right.value !== 0 && Math.abs(right.value) <= MAX_INT_POWER) return inlineIntPower(a, right.value);
        return `pow(${a},${b})`;
      }
      return `pw(${a},${b})`;
    case "min":
      return `min(${a},${b})`;
    case "max":
      return `max(${a},${b})`;
    default:
      throw new Error(`unknown binary operator ${String(op)}`);
  }
}

/** `a^k` unrolled into the very multiplications `ipow` performs (same rounding), which V8 then shares. */
function inlineIntPower(a: string, k: number): string {
  let n = Math.abs(k);
  let r: string | undefined;
  let b = a;
  while (n > 0) {
    if (n & 1) r = r === undefined ? b : `(${r}*${b})`;
    n >>= 1;
    if (n > 0) b = `(${b}*${b})`;
  }
  return k < 0 ? `1/${r}` : (r as string);
}
