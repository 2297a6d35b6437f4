import katex from "katex";
import "katex/dist/katex.min.css";
import { useMemo } from "react";

/** A law typeset with KaTeX; the plain-text law stays available to screen readers and for copying. */
export function LawMath({ latex, text, display = false, label }: { latex: string; text: string; display?: boolean; label?: string }) {
  const html = useMemo(() => {
    try {
      return katex.renderToString(latex, { throwOnError: true, displayMode: display, output: "html" });
    } catch {
      return null;
    }
  }, [latex, display]);
  return (
    <span className={display ? "law law-display" : "law"} role="math" aria-label={label ? `${label}: ${text}` : text} title={text}>
      {html === null ? <code>{text}</code> : <span aria-hidden="true" dangerouslySetInnerHTML={{ __html: html }} />}
    </span>
  );
}
