import { DerivedVariableError } from "./errors.js";

/**
 * Derived (history) variables: functions over the ORDER of the observations, applied to inputs, so a
 * law can express path dependence — e.g. the stress on unloading depends on `cummax(strain)`, the
 * largest strain reached so far, which no single observation's inputs contain.
 *
 * Grammar (a tiny dedicated parser; nothing is evaluated as code):
 *   def  := op "(" arg ")" | "lag" "(" arg ["," integer] ")"
 *   arg  := input-name | def
 *   op   := cummax | cummin | cumsum | lag | delta
 */

/** The history operators. */
export const DERIVED_OPS = ["cummax", "cummin", "cumsum", "lag", "delta"] as const;
/** One history operator. */
export type DerivedOp = (typeof DERIVED_OPS)[number];

/** A parsed definition. */
export type DerivedDef = { kind: "input"; name: string } | { kind: "op"; op: DerivedOp; arg: DerivedDef; k: number };

/** Parses a definition such as `cummax(strain)` or `lag(x, 2)`; throws `DerivedVariableError` naming the problem. */
export function parseDerived(text: string, inputs: readonly string[]): DerivedDef {
  let pos = 0;
  const src = text.trim();
  const fail = (msg: string): never => {
    throw new DerivedVariableError(`derived variable '${text}': ${msg} at column ${pos + 1}`);
  };
  const ws = () => {
    while (pos < src.length && /\s/.test(src[pos])) pos++;
  };
  const ident = (): string => {
    ws();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(pos));
    if (!m) fail("expected a name");
    pos += m![0].length;
    return m![0];
  };
  const expect = (ch: string) => {
    ws();
    if (src[pos] !== ch) fail(`expected '${ch}'`);
    pos++;
  };
  const node = (): DerivedDef => {
    const name = ident();
    ws();
    if (src[pos] !== "(") {
      if (!inputs.includes(name)) fail(`'${name}' is not an input (inputs: ${inputs.join(", ")})`);
      return { kind: "input", name };
    }
    if (!(DERIVED_OPS as readonly string[]).includes(name)) fail(`unknown function '${name}' (use ${DERIVED_OPS.join(", ")})`);
    pos++;
    const arg = node();
    let k = 1;
    ws();
    if (src[pos] === ",") {
      if (name !== "lag") fail(`only lag takes a second argument`);
      pos++;
      ws();
      const m = /^\d+/.exec(src.slice(pos));
      if (!m) fail("expected a whole number of steps");
      k = Number(m![0]);
      if (k < 1 || k > 1000) fail("lag steps must be between 1 and 1000");
      pos += m![0].length;
    }
    expect(")");
    return { kind: "op", op: name as DerivedOp, arg, k };
  };
  const def = node();
  ws();
  if (pos !== src.length) fail("unexpected text");
  if (def.kind === "input") throw new DerivedVariableError(`derived variable '${text}': apply one of ${DERIVED_OPS.join(", ")} to an input`);
  return def;
}

/** Canonical text of a definition (`cummax(strain)`, `lag(x, 2)`). */
export function formatDerived(def: DerivedDef): string {
  if (def.kind === "input") return def.name;
  return def.op === "lag" && def.k !== 1 ? `lag(${formatDerived(def.arg)}, ${def.k})` : `${def.op}(${formatDerived(def.arg)})`;
}

/** The variable name a definition gets in laws: `cummax_strain`, `lag2_x`, `delta_cummax_strain`. */
export function derivedName(def: DerivedDef): string {
  if (def.kind === "input") return def.name;
  const op = def.op === "lag" && def.k !== 1 ? `lag${def.k}` : def.op;
  return `${op}_${derivedName(def.arg)}`;
}

/**
 * Computes a derived column over observations in order. The first rows of `lag`/`delta`, which have no
 * predecessor, repeat the first value (lag) or are 0 (delta), so no row is lost.
 */
export function computeDerived(def: DerivedDef, columns: Record<string, ArrayLike<number>>, rows: number): Float64Array {
  if (def.kind === "input") {
    const c = columns[def.name];
    if (!c) throw new DerivedVariableError(`derived variable: no column '${def.name}'`);
    return Float64Array.from({ length: rows }, (_, i) => c[i]);
  }
  const x = computeDerived(def.arg, columns, rows);
  const out = new Float64Array(rows);
  switch (def.op) {
    case "cummax":
    case "cummin": {
      let acc = def.op === "cummax" ? -Infinity : Infinity;
      for (let i = 0; i < rows; i++) {
        if (Number.isFinite(x[i])) acc = def.op === "cummax" ? Math.max(acc, x[i]) : Math.min(acc, x[i]);
        out[i] = Number.isFinite(acc) ? acc : x[i];
      }
      break;
    }
    case "cumsum": {
      let acc = 0;
      for (let i = 0; i < rows; i++) {
        if (Number.isFinite(x[i])) acc += x[i];
        out[i] = acc;
      }
      break;
    }
    case "lag":
      for (let i = 0; i < rows; i++) out[i] = x[Math.max(0, i - def.k)];
      break;
    case "delta":
      for (let i = 0; i < rows; i++) out[i] = i === 0 ? 0 : x[i] - x[i - 1];
      break;
  }
  return out;
}

/** Parses `name=definition` pairs or bare definitions (named automatically) into a name → definition map. */
export function parseDerivedList(items: readonly string[], inputs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf("=");
    const text = eq >= 0 ? item.slice(eq + 1) : item;
    const def = parseDerived(text, inputs);
    const name = eq >= 0 ? item.slice(0, eq).trim() : derivedName(def);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new DerivedVariableError(`derived variable name '${name}' is not a valid identifier`);
    if (inputs.includes(name)) throw new DerivedVariableError(`derived variable name '${name}' clashes with an input`);
    out[name] = formatDerived(def);
  }
  return out;
}

/**
 * The history variables offered automatically to staged worlds, whose observations come in a physical
 * order: running maximum and minimum of every input that takes more than two values.
 */
export function autoDerived(inputs: readonly string[], columns: Record<string, ArrayLike<number>>, rows: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of inputs) {
    const c = columns[name];
    const distinct = new Set<number>();
    for (let i = 0; i < rows && distinct.size < 3; i++) distinct.add(c[i]);
    if (distinct.size < 3) continue;
    for (const op of ["cummax", "cummin"] as const) {
      const def: DerivedDef = { kind: "op", op, arg: { kind: "input", name }, k: 1 };
      out[derivedName(def)] = formatDerived(def);
    }
  }
  return out;
}
