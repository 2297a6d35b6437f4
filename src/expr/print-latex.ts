import type { Expr } from "./ast.js";

const GREEK = new Set([
  "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota", "kappa", "lambda",
  "mu", "nu", "xi", "rho", "sigma", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega",
  "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
]);

const FUNCS: Record<string, string> = {
  sin: "\\sin", cos: "\\cos", tan: "\\tan", asin: "\\arcsin", acos: "\\arccos", atan: "\\arctan",
  sinh: "\\sinh", cosh: "\\cosh", tanh: "\\tanh", exp: "\\exp", log: "\\ln",
};

/** LaTeX for a name: Greek letters become commands, `x_12` a subscript, longer words upright. */
export function latexName(name: string): string {
  const m = /^([A-Za-z]+)(?:_?(\d+)|_([A-Za-z0-9_]+))?$/.exec(name);
  if (!m) return `\\mathrm{${name.replace(/_/g, "\\_")}}`;
  const [, stem, digits, word] = m;
  const head = GREEK.has(stem) ? `\\${stem}` : stem.length === 1 ? stem : `\\mathrm{${stem}}`;
  const sub = digits ?? word;
  if (sub === undefined) return head;
  return `${head}_{${word !== undefined ? latexName(word) : sub}}`;
}

/** LaTeX for a number: scientific notation as `m \times 10^{e}`. */
export function latexNumber(value: number): string {
  if (Number.isNaN(value)) return "\\mathrm{NaN}";
  if (!Number.isFinite(value)) return value > 0 ? "\\infty" : "-\\infty";
  const text = String(value);
  const m = /^(-?[\d.]+)e([+-]\d+)$/.exec(text);
  if (!m) return text;
  return `${m[1]} \\times 10^{${Number(m[2])}}`;
}

const SUM = 1;
const PRODUCT = 2;
const UNARY = 3;
const POWER = 4;
const ATOM = 5;

interface Printed {
  text: string;
  prec: number;
}

const paren = (p: Printed, min: number): string => (p.prec < min ? `\\left(${p.text}\\right)` : p.text);

/** Prints a tree as LaTeX (for reports and the web app); with `params`, fitted values replace param names. */
export function toLatex(expr: Expr, params?: ArrayLike<number>): string {
  return latex(expr, params).text;
}

function latexNum(value: number): Printed {
  return { text: latexNumber(value), prec: value < 0 ? UNARY : ATOM };
}

function latex(e: Expr, params: ArrayLike<number> | undefined): Printed {
  switch (e.kind) {
    case "num":
      return latexNum(e.value);
    case "pi":
      return { text: "\\pi", prec: ATOM };
    case "var":
      return { text: latexName(e.name), prec: ATOM };
    case "param":
      return params !== undefined ? latexNum(Number(params[e.index])) : { text: latexName(e.name), prec: ATOM };
    case "unary": {
      const a = latex(e.arg, params);
      switch (e.op) {
        case "neg":
          return { text: `-${paren(a, POWER)}`, prec: UNARY };
        case "sqrt":
          return { text: `\\sqrt{${a.text}}`, prec: ATOM };
        case "abs":
          return { text: `\\left|${a.text}\\right|`, prec: ATOM };
        default:
          return { text: `${FUNCS[e.op]}\\left(${a.text}\\right)`, prec: ATOM };
      }
    }
    case "binary": {
      const l = latex(e.left, params);
      const r = latex(e.right, params);
      switch (e.op) {
        case "+":
          return { text: `${l.text} + ${paren(r, PRODUCT)}`, prec: SUM };
        case "-":
          return { text: `${l.text} - ${paren(r, PRODUCT)}`, prec: SUM };
        case "*":
          return { text: `${paren(l, PRODUCT)} \\cdot ${paren(r, POWER)}`, prec: PRODUCT };
        case "/":
          return { text: `\\frac{${l.text}}{${r.text}}`, prec: ATOM };
        case "^":
          return { text: `{${paren(l, ATOM)}}^{${r.text}}`, prec: POWER };
        case "min":
        case "max":
          return { text: `\\${e.op}\\left(${l.text}, ${r.text}\\right)`, prec: ATOM };
      }
    }
  }
  throw new Error(`toLatex: unknown node ${JSON.stringify(e)}`);
}
