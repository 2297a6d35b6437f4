import { WorldError } from "./errors.js";

/**
 * Splits a command line into argv without a shell: whitespace separates words, single quotes keep
 * text literally, double quotes keep spaces (backslash escapes `"` and `\` inside them), a backslash
 * outside quotes escapes the next character. Pipes, redirections and `$VAR` are NOT interpreted —
 * write `sh -c "..."` explicitly when a shell is wanted. `what` names the line in the error messages.
 */
export function splitCommandLine(line: string, what = "external command"): string[] {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new WorldError(`${what}: unterminated single quote at column ${i + 1}`);
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i += 1;
      for (;;) {
        if (i >= line.length) throw new WorldError(`${what}: unterminated double quote`);
        const d = line[i];
        if (d === '"') break;
        if (d === "\\" && (line[i + 1] === '"' || line[i + 1] === "\\")) {
          word += line[i + 1];
          i += 2;
        } else {
          word += d;
          i += 1;
        }
      }
      inWord = true;
      i += 1;
    } else if (c === "\\" && i + 1 < line.length) {
      word += line[i + 1];
      inWord = true;
      i += 2;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      i += 1;
    } else {
      word += c;
      inWord = true;
      i += 1;
    }
  }
  if (inWord) words.push(word);
  if (words.length === 0) throw new WorldError(`${what} is empty`);
  return words;
}
