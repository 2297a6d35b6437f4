import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * KaTeX's stylesheet with its fonts inlined as data URLs (woff2 only: every current browser reads it),
 * so a report renders its formulas offline from a single file.
 */
let cached: string | undefined;

/** The inlined KaTeX CSS (computed once per process). */
export function katexCss(): string {
  if (cached !== undefined) return cached;
  try {
    const require = createRequire(import.meta.url);
    const cssPath = require.resolve("katex/dist/katex.min.css");
    const dir = dirname(cssPath);
    const css = readFileSync(cssPath, "utf8");
    cached = css.replace(/src:([^;}]*)/g, (_m, srcs: string) => {
      const woff2 = /url\((fonts\/[^)]+\.woff2)\)/.exec(srcs);
      if (!woff2) return `src:${srcs}`;
      const data = readFileSync(join(dir, woff2[1])).toString("base64");
      return `src:url(data:font/woff2;base64,${data}) format("woff2")`;
    });
  } catch (err) {
    // Without the stylesheet (not installed where require looks, or unreadable) the MathML KaTeX also
    // emits still renders, only less prettily; anything but a system error is a bug.
    if (typeof (err as NodeJS.ErrnoException).code !== "string") throw err;
    cached = "";
  }
  return cached;
}
