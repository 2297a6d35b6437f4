import { ParseError } from "./errors.js";

/** Kinds of token in the infix grammar. */
export type TokenKind = "num" | "ident" | "op" | "lparen" | "rparen" | "comma" | "end";

/** One token with its 1-based starting column. */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly column: number;
  /** Numeric value of a `num` token. */
  readonly value?: number;
}

const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Splits infix text into tokens; rejects any character outside the grammar with its column. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const column = i + 1;
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
      i += 1;
      continue;
    }
    const rest = text.slice(i, i + 400);
    const numMatch = NUMBER.exec(rest);
    if (numMatch) {
      const t = numMatch[0];
      if (t.length >= 400) throw new ParseError("number literal too long", column);
      const after = text[i + t.length];
      if (after !== undefined && /[A-Za-z_]/.test(after)) {
        const name = IDENT.exec(text.slice(i + t.length, i + t.length + 40))?.[0] ?? after;
        throw new ParseError(`malformed number '${t}${name}' (write '${t}*${name}' for a product)`, column);
      }
      if (after === ".") throw new ParseError(`malformed number '${t}.'`, column);
      tokens.push({ kind: "num", text: t, column, value: Number(t) });
      i += t.length;
      continue;
    }
    const idMatch = IDENT.exec(rest);
    if (idMatch) {
      const t = idMatch[0];
      if (t.length >= 200) throw new ParseError("identifier too long", column);
      tokens.push({ kind: "ident", text: t, column });
      i += t.length;
      continue;
    }
    if (ch === "*" && text[i + 1] === "*") {
      tokens.push({ kind: "op", text: "^", column });
      i += 2;
      continue;
    }
    if (ch === "+" || ch === "-" || ch === "*" || ch === "/" || ch === "^") {
      tokens.push({ kind: "op", text: ch, column });
    } else if (ch === "(") {
      tokens.push({ kind: "lparen", text: ch, column });
    } else if (ch === ")") {
      tokens.push({ kind: "rparen", text: ch, column });
    } else if (ch === ",") {
      tokens.push({ kind: "comma", text: ch, column });
    } else if (ch === "=") {
      throw new ParseError("'=' is not allowed: a law is an expression, so write only its right-hand side", column);
    } else {
      const cp = text.codePointAt(i) ?? 0;
      const shown = cp >= 0x20 && cp < 0x7f ? `'${ch}'` : `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
      throw new ParseError(`unexpected character ${shown}`, column);
    }
    i += 1;
  }
  tokens.push({ kind: "end", text: "", column: text.length + 1 });
  return tokens;
}
