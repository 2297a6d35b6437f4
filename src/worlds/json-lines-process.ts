import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

/**
 * One child process spoken to in JSON lines: a request is one line on its stdin, the answer is the
 * next line on its stdout. Requests are strictly one at a time. The caller learns why a request failed
 * (timeout, exit, bad line) through a typed error so it can decide whether to restart and retry.
 */

/** Why a request to the child failed. `exit` and `timeout` are worth a restart; `garbage` is not. */
export class ProcessFailure extends Error {
  constructor(
    message: string,
    readonly reason: "exit" | "timeout" | "garbage",
  ) {
    super(message);
    this.name = "ProcessFailure";
  }
}

/** Longest answer line accepted (a runaway world must not exhaust memory). */
const MAX_LINE = 16 * 1024 * 1024;

/** A started child process speaking JSON lines. */
export class JsonLinesProcess {
  private readonly child: ChildProcess;
  private readonly lines: string[] = [];
  private waiter: ((line: string | null) => void) | null = null;
  private exited = false;
  private exitText = "";
  private stderrTail = "";
  private resolveExit: () => void = () => {};
  private readonly exitedPromise = new Promise<void>((resolve) => (this.resolveExit = resolve));

  /** Starts `argv` in `cwd` (no shell). */
  constructor(argv: readonly string[], cwd: string, env?: NodeJS.ProcessEnv) {
    this.child = spawn(argv[0], argv.slice(1), { cwd, env: env ?? process.env, stdio: ["pipe", "pipe", "pipe"] });
    this.child.on("error", (err) => this.markExited(`could not start '${argv[0]}': ${(err as NodeJS.ErrnoException).code ?? err.message}`));
    this.child.on("exit", (code, signal) => this.markExited(signal ? `exited on signal ${signal}` : `exited with code ${code}`));
    // A dead child's stdin raises EPIPE asynchronously; the exit handler reports it.
    this.child.stdin?.on("error", () => {});
    this.child.stderr?.on("data", (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString("utf8")).slice(-2000);
    });
    const rl = createInterface({ input: this.child.stdout! });
    rl.on("line", (line) => {
      if (this.waiter) {
        const w = this.waiter;
        this.waiter = null;
        w(line);
      } else {
        this.lines.push(line);
      }
    });
  }

  private markExited(text: string): void {
    if (this.exited) return;
    this.exited = true;
    this.exitText = text;
    this.resolveExit();
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w(null);
    }
  }

  /** Last lines the child wrote to stderr (for error messages). */
  stderr(): string {
    return this.stderrTail.trim().split("\n").slice(-3).join(" | ");
  }

  /** Sends one JSON request and resolves to the parsed answer line. */
  async request(message: unknown, timeoutMs: number): Promise<unknown> {
    if (this.exited) throw new ProcessFailure(this.describeExit(), "exit");
    const line = await new Promise<string | null>((resolve, reject) => {
      const queued = this.lines.shift();
      if (queued !== undefined) {
        // An unsolicited line arrived before the request: the world speaks out of turn.
        reject(new ProcessFailure(`wrote a line before being asked: ${truncate(queued)}`, "garbage"));
        return;
      }
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new ProcessFailure(`did not answer within ${timeoutMs} ms`, "timeout"));
      }, timeoutMs);
      this.waiter = (l) => {
        clearTimeout(timer);
        resolve(l);
      };
      this.child.stdin?.write(JSON.stringify(message) + "\n");
    });
    if (line === null) throw new ProcessFailure(this.describeExit(), "exit");
    if (line.length > MAX_LINE) throw new ProcessFailure(`answered a line of ${line.length} characters (limit ${MAX_LINE})`, "garbage");
    try {
      return JSON.parse(line);
    } catch (err) {
      if (!(err instanceof SyntaxError)) throw err;
      throw new ProcessFailure(`answered a line that is not JSON: ${truncate(line)}`, "garbage");
    }
  }

  private describeExit(): string {
    const err = this.stderr();
    return `${this.exitText || "exited"}${err ? ` (stderr: ${err})` : ""}`;
  }

  /** Asks the child to close, then kills it if it has not exited within `graceMs`. */
  async close(graceMs = 1000): Promise<void> {
    if (this.exited) return;
    this.child.stdin?.write(JSON.stringify({ op: "close" }) + "\n");
    this.child.stdin?.end();
    const timer = setTimeout(() => this.kill(), graceMs);
    await this.exitedPromise;
    clearTimeout(timer);
  }

  /** Kills the child at once. */
  kill(): void {
    if (!this.exited) this.child.kill("SIGKILL");
  }
}

function truncate(s: string): string {
  return JSON.stringify(s.length > 120 ? s.slice(0, 120) + "…" : s);
}
