/** Terminal lines for a law's checks (constants with uncertainty, residual structure), shared by `score` and `explain`. */
import type { CheckedConstant } from "../mdl/law-checks.js";
import type { ResidualStructure } from "../stats/residual-structure.js";
import { formatConstant, formatSignificant } from "../expr/significant.js";

/** `n = 4.4584 ± 0.03 (≈ 9/2)`: the value at 5 significant figures, its standard error at 2. */
export function showConstant(c: CheckedConstant): string {
  return formatConstant({ name: c.name, value: c.value, ...(Number.isFinite(c.stderr) ? { stderr: c.stderr } : {}), ...(c.recognised ? { recognised: c.recognised.label } : {}) });
}

/** One line on what the residuals say: random along every input, or structured along some. */
export function describeStructure(s: ResidualStructure): string {
  const p = (x: (typeof s.byInput)[number]): number => Math.min(x.runs.pValue, x.lag1PValue);
  const worst = s.byInput.reduce((a, b) => (p(b) < p(a) ? b : a));
  const detail = `runs test p = ${formatSignificant(worst.runs.pValue, 2)} along ${worst.variable}, lag-1 r = ${formatSignificant(worst.lag1, 2)}`;
  return s.structured ? `structure left along ${worst.variable} (${detail}): the law misses a trend there` : `no structure left (${detail})`;
}
