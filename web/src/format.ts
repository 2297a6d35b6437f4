/** A number in at most `digits` significant digits, in plain or scientific notation as fits. */
export function fmt(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined || Number.isNaN(x)) return "–";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e6) return String(Number(x.toPrecision(digits)));
  const [m, e] = x.toExponential(digits - 1).split("e");
  return `${Number(m)}×10${superscript(Number(e))}`;
}

const SUP: Record<string, string> = { "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };

function superscript(n: number): string {
  return String(n)
    .split("")
    .map((c) => SUP[c] ?? c)
    .join("");
}

/** Bits rounded for display. */
export function bits(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  return `${Math.round(x).toLocaleString("en")} bits`;
}

/** How well a law fits, in words a non-statistician reads (R² as a percentage of variation explained). */
export function fitWords(r2: number | null | undefined): string {
  if (r2 === null || r2 === undefined || !Number.isFinite(r2)) return "–";
  const pct = Math.max(0, r2) * 100;
  return `explains ${pct >= 99.95 ? pct.toFixed(2) : pct.toFixed(1)}% of the variation`;
}

/** A short, readable form of an ISO date. */
export function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}

/** A column name as LaTeX text (KaTeX's special characters escaped). */
export function latexText(name: string): string {
  return `\\text{${name.replace(/[\\{}$&#^_%~]/g, (c) => (c === "\\" ? "\\textbackslash{}" : c === "^" ? "\\textasciicircum{}" : c === "~" ? "\\textasciitilde{}" : `\\${c}`))}}`;
}
