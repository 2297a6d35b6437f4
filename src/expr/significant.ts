/**
 * Numbers for people: constants to a few significant figures, with their uncertainty and the known
 * constant they match when there is one. Only for display; files (JSON, CSV, the journal) keep every
 * digit. Pure, with no imports, so the terminal, the report and the web app share it.
 */

/** Significant figures a law's constants are shown to. */
export const DISPLAY_SIGNIFICANT = 5;

/** A fitted constant as a law display can show it: value, standard error, recognised closed form. */
export interface ShownConstant {
  name?: string;
  value: number;
  stderr?: number;
  /** A closed form the value matches within its uncertainty, e.g. `2π` or `√2`. */
  recognised?: string;
}

/** `x` rounded to `digits` significant figures (0, infinities and NaN unchanged). */
export function roundSignificant(x: number, digits = DISPLAY_SIGNIFICANT): number {
  return Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(digits)) : x;
}

/** `x` to `digits` significant figures as text: plain decimals for ordinary sizes, `1.2346e-7` otherwise. */
export function formatSignificant(x: number, digits = DISPLAY_SIGNIFICANT): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 10 ** Math.max(digits, 6)) return String(roundSignificant(x, digits));
  const [m, e] = x.toExponential(digits - 1).split("e");
  return `${Number(m)}e${Number(e)}`;
}

// A numeric literal that is not the tail of a name (`x1`, `c_2`) nor part of another number.
const LITERAL = /(?<![\w.])(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?![\w.])/g;

/**
 * A law written in infix with every numeric literal rounded to `digits` significant figures:
 * `499.0833978661466*cos(6.282202685501173*d*x/lambda)` → `499.08*cos(6.2822*d*x/lambda)`. Names
 * that contain digits are left alone; the text still parses as the same law, to that precision.
 */
export function roundLawText(law: string, digits = DISPLAY_SIGNIFICANT): string {
  return law.replace(LITERAL, (lit) => {
    const v = Number(lit);
    return Number.isFinite(v) ? formatSignificant(v, digits) : lit;
  });
}

/**
 * `499.08 ± 0.41`: the value to `digits` significant figures and its standard error to two; without a
 * usable standard error, the value alone.
 */
export function formatWithUncertainty(value: number, stderr: number | undefined, digits = DISPLAY_SIGNIFICANT): string {
  const v = formatSignificant(value, digits);
  if (stderr === undefined || !Number.isFinite(stderr) || stderr <= 0) return v;
  return `${v} ± ${formatSignificant(stderr, 2)}`;
}

/** One constant for reading: `c1 = 6.2822 ± 0.0003 (≈ 2π)`; the name is left out when absent. */
export function formatConstant(c: ShownConstant, digits = DISPLAY_SIGNIFICANT): string {
  const body = formatWithUncertainty(c.value, c.stderr, digits);
  const known = c.recognised ? ` (≈ ${c.recognised})` : "";
  return `${c.name ? `${c.name} = ` : ""}${body}${known}`;
}

/** The constants a law display can show, read defensively from an object that may carry `constants`. */
export function shownConstants(holder: unknown): ShownConstant[] {
  const list = (holder as { constants?: unknown } | null | undefined)?.constants;
  if (!Array.isArray(list)) return [];
  const out: ShownConstant[] = [];
  for (const c of list as Array<Record<string, unknown>>) {
    if (!c || typeof c.value !== "number") continue;
    // The recognised form is a string, or an object naming it by `label` (the JSON of score and explain) or `text`.
    const form = c.recognised as { label?: unknown; text?: unknown } | string | undefined;
    const recognised = typeof form === "string" ? form : typeof form?.label === "string" ? form.label : typeof form?.text === "string" ? form.text : undefined;
    out.push({
      ...(typeof c.name === "string" ? { name: c.name } : {}),
      value: c.value,
      ...(typeof c.stderr === "number" ? { stderr: c.stderr } : {}),
      ...(recognised ? { recognised } : {}),
    });
  }
  return out;
}
