import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { LlmError } from "./failures.js";
import { latestAllowed, type Exchange, type ExchangeLookup, type SessionStore } from "./exchange.js";

/**
 * A SessionStore backed by a JSON-lines file: one exchange per line, appended synchronously so a
 * killed run loses nothing already answered. Opening an existing file loads it for replay.
 */
export class JsonlExchangeStore implements SessionStore {
  private readonly answered = new Map<string, Exchange[]>();
  private count = 0;

  /** Opens (creating if needed) the file at `path`; a corrupt line is reported with its number. */
  constructor(readonly path: string) {
    if (existsSync(path)) {
      const lines = readFileSync(path, "utf8").split("\n");
      lines.forEach((line, i) => {
        if (line.trim() === "") return;
        let e: Exchange;
        try {
          e = JSON.parse(line) as Exchange;
        } catch (err) {
          if (!(err instanceof SyntaxError)) throw err;
          // A torn last line is what a crash mid-append leaves; anything earlier is real corruption.
          if (i === lines.length - 1 || lines.slice(i + 1).every((l) => l.trim() === "")) return;
          throw new LlmError(`${path}:${i + 1}: not a JSON exchange record`);
        }
        if (typeof e?.key !== "string") throw new LlmError(`${path}:${i + 1}: exchange record has no 'key'`);
        this.remember(e);
      });
    } else {
      mkdirSync(dirname(path), { recursive: true });
    }
  }

  private remember(e: Exchange): void {
    this.count += 1;
    if (e.response === null) return;
    const list = this.answered.get(e.key);
    if (list) list.push(e);
    else this.answered.set(e.key, [e]);
  }

  /** Appends one exchange as a line. */
  put(exchange: Exchange): void {
    appendFileSync(this.path, JSON.stringify(exchange) + "\n");
    this.remember(exchange);
  }

  /** Latest answered exchange for `key` that the lookup allows (the file is one cache: `anyRun` changes nothing). */
  get(key: string, lookup?: ExchangeLookup): Exchange | undefined {
    return latestAllowed(this.answered.get(key), lookup);
  }

  /** Number of exchanges in the file. */
  size(): number {
    return this.count;
  }
}
