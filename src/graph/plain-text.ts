/**
 * Turns Markdown and plain-text paper exports into prose the sentence splitter can read: code, tables,
 * images, URLs and markup go; headings and list items become sentences of their own.
 */

/** Plain prose from Markdown or text; every paragraph, heading and list item ends with terminal punctuation. */
export function toPlainProse(source: string): string {
  const text = source
    .replace(/\r\n?/g, "\n")
    .replace(/^---\n[\s\S]*?\n---\n/, "") // front matter
    .replace(/```[\s\S]*?```/g, "\n")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/<[^>\n]+>/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/(\*\*|__|\*|_)(?=\S)([^*_\n]+?)\1/g, "$2");
  const blocks: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push(terminate(paragraph.join(" ")));
    paragraph = [];
  };
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || /^\|.*\|$/.test(line) || /^[-=*_]{3,}$/.test(line)) {
      flush();
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (heading || item) {
      flush();
      const body = (heading ?? item)![1].trim();
      if (body) blocks.push(terminate(body));
      continue;
    }
    paragraph.push(line.replace(/^>\s?/, ""));
  }
  flush();
  return blocks.join("\n\n");
}

function terminate(s: string): string {
  const t = s.replace(/\s+/g, " ").trim();
  return /[.!?:;]$/.test(t) ? t : `${t}.`;
}

/** Number of words (whitespace-separated runs containing a letter or digit). */
export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}][^\s]*/gu);
  return m ? m.length : 0;
}
