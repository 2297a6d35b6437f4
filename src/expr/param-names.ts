import { children, paramCount, type Expr } from "./ast.js";

/** Names of the params of a tree by index (`c<i>` for a slot whose node carries no name or is absent). */
export function paramNamesOf(expr: Expr): string[] {
  const names: string[] = Array.from({ length: paramCount(expr) }, (_, i) => `c${i}`);
  const seen = new Set<number>();
  const walk = (e: Expr): void => {
    if (e.kind === "param" && !seen.has(e.index)) {
      seen.add(e.index);
      if (e.name) names[e.index] = e.name;
    }
    for (const c of children(e)) walk(c);
  };
  walk(expr);
  return names;
}
