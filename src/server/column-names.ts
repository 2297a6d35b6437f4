import { isPlainIdentifier, parseUnit, UnitError } from "../expr/index.js";

/** How a table's column is named in laws: a valid identifier, and the unit its header gave. */
export interface ColumnName {
  /** The header as written in the file, e.g. `stress (MPa)`. */
  column: string;
  /** The name laws use, e.g. `stress`. */
  name: string;
  /** The unit read from the header (`stress (MPa)`, `stress [MPa]`), when it parses as a unit. */
  unit?: string;
}

/**
 * Valid law names for a table's headers: a unit in parentheses or brackets is split off (and kept when it
 * parses as a unit), every other character that cannot be part of a name becomes `_`, and clashes get a
 * number. `stress (MPa)` → `stress` with unit `MPa`; `strain %` → `strain_pct`; `2nd run` → `c_2nd_run`.
 */
export function columnNames(headers: readonly string[]): ColumnName[] {
  const taken = new Set<string>();
  return headers.map((column) => {
    let base = column.trim();
    let unit: string | undefined;
    const m = /^(.*?)\s*[([]\s*([^)\]]+?)\s*[)\]]\s*$/.exec(base);
    if (m && m[1].length > 0) {
      base = m[1];
      unit = unitOrUndefined(m[2]);
    }
    let name = base.replace(/%/g, "_pct").replace(/[^A-Za-z0-9_]+/g, "_").replace(/__+/g, "_").replace(/^_+|_+$/g, "");
    if (name === "" || /^[0-9]/.test(name)) name = `c_${name}`;
    if (!isPlainIdentifier(name)) name = `${name}_`;
    let unique = name;
    for (let k = 2; taken.has(unique); k++) unique = `${name}_${k}`;
    taken.add(unique);
    return { column, name: unique, ...(unit ? { unit } : {}) };
  });
}

function unitOrUndefined(text: string): string | undefined {
  try {
    parseUnit(text);
    return text;
  } catch (err) {
    if (!(err instanceof UnitError)) throw err;
    return undefined;
  }
}
