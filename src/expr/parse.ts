import { binary, num, param, PI, unary, v, type BinaryOp, type Expr, type UnaryOp } from "./ast.js";
import { tokenize, type Token } from "./lexer.js";
import { ParseError } from "./errors.js";

/** Longest text the parser accepts, in characters (hostile input must not hang it). */
export const MAX_PARSE_LENGTH = 20_000;
/** Deepest tree (nesting of parentheses, functions, powers and operator chains) the parser builds. */
export const MAX_PARSE_DEPTH = 200;
/** Most nodes in a parsed law: what fitting and scoring cost grows with the tree, not with the text. */
export const MAX_PARSE_NODES = 1_000;
/** Most fitted constants in a law: each one multiplies the fitter's work (a 400-constant law takes seconds per fit). */
export const MAX_PARSE_CONSTANTS = 100;

/** Options of `parse`. */
export interface ParseOptions {
  /** Names of the data columns. When given, every other identifier becomes a fitted constant (`param`). */
  variables?: readonly string[];
  /** Overrides MAX_PARSE_LENGTH. */
  maxLength?: number;
  /** Overrides MAX_PARSE_DEPTH. */
  maxDepth?: number;
  /** Overrides MAX_PARSE_NODES. */
  maxNodes?: number;
  /** Overrides MAX_PARSE_CONSTANTS. */
  maxConstants?: number;
}

const UNARY_FUNCS: Record<string, UnaryOp> = {
  sin: "sin",
  cos: "cos",
  tan: "tan",
  asin: "asin",
  acos: "acos",
  atan: "atan",
  arcsin: "asin",
  arccos: "acos",
  arctan: "atan",
  sinh: "sinh",
  cosh: "cosh",
  tanh: "tanh",
  exp: "exp",
  log: "log",
  ln: "log",
  sqrt: "sqrt",
  abs: "abs",
};
const BINARY_FUNCS: Record<string, BinaryOp> = { min: "min", max: "max" };

/** Whether `name` is a function name of the grammar (or an alias such as `ln`). */
export function isFunctionName(name: string): boolean {
  return Object.hasOwn(UNARY_FUNCS, name) || Object.hasOwn(BINARY_FUNCS, name);
}

/** Whether `name` can appear as a variable or constant name in a law (an identifier that is not reserved). */
export function isPlainIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && name !== "pi" && !isFunctionName(name);
}

/**
 * Parses contract infix (`+ - * / ^` or `**`, unary minus, parentheses, numbers, `pi`, the functions of the
 * grammar and their aliases) into an immutable tree. Without `variables` every identifier is a `var`; with it,
 * identifiers not listed become `param` nodes numbered by first appearance. Throws `ParseError` only.
 */
export function parse(text: string, opts: ParseOptions = {}): Expr {
  if (typeof text !== "string") throw new ParseError("expected a law as text", 1);
  const maxLength = opts.maxLength ?? MAX_PARSE_LENGTH;
  if (text.length > maxLength) throw new ParseError(`law is too long (${text.length} characters; at most ${maxLength})`, maxLength + 1);
  if (text.trim() === "") throw new ParseError("empty law", 1);
  const limits = { depth: opts.maxDepth ?? MAX_PARSE_DEPTH, nodes: opts.maxNodes ?? MAX_PARSE_NODES, constants: opts.maxConstants ?? MAX_PARSE_CONSTANTS };
  const parser = new Parser(tokenize(text), opts.variables, limits);
  return parser.parseAll();
}

/** Recursive-descent parser; each method returns a node and records its depth so deep trees are refused early. */
class Parser {
  private pos = 0;
  private readonly depthOf = new WeakMap<Expr, number>();
  private readonly variables: ReadonlySet<string> | undefined;
  private readonly params = new Map<string, number>();
  private readonly maxDepth: number;
  private nodes = 0;

  constructor(
    private readonly tokens: Token[],
    variables: readonly string[] | undefined,
    private readonly limits: { depth: number; nodes: number; constants: number },
  ) {
    this.variables = variables ? new Set(variables) : undefined;
    this.maxDepth = limits.depth;
  }

  parseAll(): Expr {
    const e = this.parseSum();
    const t = this.peek();
    if (t.kind !== "end") {
      if (t.kind === "rparen") throw new ParseError("unmatched ')'", t.column);
      throw new ParseError(`unexpected '${t.text}' after a complete expression`, t.column);
    }
    return e;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)];
  }

  private next(): Token {
    const t = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos += 1;
    return t;
  }

  private depth(e: Expr): number {
    return this.depthOf.get(e) ?? 1;
  }

  private record(e: Expr, depth: number, column: number): Expr {
    if (depth > this.maxDepth) throw new ParseError(`law is nested too deeply (more than ${this.maxDepth} levels)`, column);
    if (++this.nodes > this.limits.nodes) throw new ParseError(`law is too large (more than ${this.limits.nodes} nodes)`, column);
    if (!this.depthOf.has(e)) this.depthOf.set(e, depth);
    return e;
  }

  private bin(op: BinaryOp, l: Expr, r: Expr, column: number): Expr {
    return this.record(binary(op, l, r), 1 + Math.max(this.depth(l), this.depth(r)), column);
  }

  private un(op: UnaryOp, a: Expr, column: number): Expr {
    return this.record(unary(op, a), 1 + this.depth(a), column);
  }

  private parseSum(): Expr {
    let left = this.parseProduct();
    for (;;) {
      const t = this.peek();
      if (t.kind !== "op" || (t.text !== "+" && t.text !== "-")) return left;
      this.next();
      const right = this.parseProduct();
      left = this.bin(t.text as BinaryOp, left, right, t.column);
    }
  }

  private parseProduct(): Expr {
    let left = this.parseUnary();
    for (;;) {
      const t = this.peek();
      if (t.kind !== "op" || (t.text !== "*" && t.text !== "/")) return left;
      this.next();
      const right = this.parseUnary();
      left = this.bin(t.text as BinaryOp, left, right, t.column);
    }
  }

  /** Unary minus binds looser than `^` (so `-x^2` is `-(x^2)`); a minus directly before a literal that is not raised to a power is folded into a negative number. */
  private parseUnary(): Expr {
    const t = this.peek();
    if (t.kind === "op" && (t.text === "-" || t.text === "+")) {
      this.next();
      const n = this.peek();
      const after = this.peek(1);
      if (t.text === "-" && n.kind === "num" && !(after.kind === "op" && after.text === "^")) {
        this.next();
        return this.record(num(-(n.value as number)), 1, n.column);
      }
      this.guardRecursion(t.column);
      const arg = this.parseUnary();
      this.leave();
      return t.text === "-" ? this.un("neg", arg, t.column) : arg;
    }
    return this.parsePower();
  }

  private recursion = 0;
  private guardRecursion(column: number): void {
    this.recursion += 1;
    if (this.recursion > this.maxDepth) throw new ParseError(`law is nested too deeply (more than ${this.maxDepth} levels)`, column);
  }
  private leave(): void {
    this.recursion -= 1;
  }

  private parsePower(): Expr {
    const base = this.parsePrimary();
    const t = this.peek();
    if (t.kind === "op" && t.text === "^") {
      this.next();
      this.guardRecursion(t.column);
      const exponent = this.parseUnary();
      this.leave();
      return this.bin("^", base, exponent, t.column);
    }
    return base;
  }

  private parsePrimary(): Expr {
    const t = this.next();
    switch (t.kind) {
      case "num":
        return this.record(num(t.value as number), 1, t.column);
      case "lparen": {
        this.guardRecursion(t.column);
        const inner = this.parseSum();
        this.leave();
        this.expect("rparen", `missing ')' to close '(' at column ${t.column}`);
        return inner;
      }
      case "ident":
        return this.parseIdentifier(t);
      case "end":
        throw new ParseError("unexpected end of law: expected a number, name or '('", t.column);
      case "rparen":
        throw new ParseError("unexpected ')': expected a number, name or '('", t.column);
      case "comma":
        throw new ParseError("unexpected ',' outside a function's arguments", t.column);
      default:
        throw new ParseError(`unexpected '${t.text}': expected a number, name or '('`, t.column);
    }
  }

  private parseIdentifier(t: Token): Expr {
    const name = t.text;
    const isCall = this.peek().kind === "lparen";
    if (Object.hasOwn(UNARY_FUNCS, name) || Object.hasOwn(BINARY_FUNCS, name)) {
      if (!isCall) throw new ParseError(`function '${name}' needs its argument in parentheses`, t.column);
      const open = this.next();
      this.guardRecursion(open.column);
      const args: Expr[] = [this.parseSum()];
      while (this.peek().kind === "comma") {
        this.next();
        args.push(this.parseSum());
      }
      this.leave();
      this.expect("rparen", `missing ')' to close the call of '${name}' at column ${t.column}`);
      const unaryOp = Object.hasOwn(UNARY_FUNCS, name) ? UNARY_FUNCS[name] : undefined;
      if (unaryOp) {
        if (args.length !== 1) throw new ParseError(`function '${name}' takes 1 argument, got ${args.length}`, t.column);
        return this.un(unaryOp, args[0], t.column);
      }
      if (args.length !== 2) throw new ParseError(`function '${name}' takes 2 arguments, got ${args.length}`, t.column);
      return this.bin(BINARY_FUNCS[name], args[0], args[1], t.column);
    }
    if (isCall) throw new ParseError(`unknown function '${name}'`, t.column);
    if (name === "pi") return PI;
    if (!this.variables || this.variables.has(name)) return this.record(v(name), 1, t.column);
    let index = this.params.get(name);
    if (index === undefined) {
      if (this.params.size >= this.limits.constants) throw new ParseError(`law has too many constants (more than ${this.limits.constants})`, t.column);
      index = this.params.size;
      this.params.set(name, index);
    }
    return this.record(param(index, name), 1, t.column);
  }

  private expect(kind: Token["kind"], message: string): void {
    const t = this.peek();
    if (t.kind !== kind) throw new ParseError(message, t.column);
    this.next();
  }
}
