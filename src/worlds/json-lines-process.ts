import { spawn, type ChildProcess } from "node:child_process";
import { LineBuffer } from "./line-buffer.js";
import { endProcessGroup, trackGroup } from "./process-group.js";

/**
 * One child process spoken to in JSON lines: a request is one line on its stdin, the answer is the
 * next line on its stdout. Requests are strictly one at a time. The caller learns why a request failed
 * (timeout, exit, bad line) through a typed error so it can decide whether to restart and retry.
 * The child leads its own process group, so ending it ends whatever it started too (`sh -c` included).
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

/** Longest answer line accepted, in bytes (a runaway world must not exhaust memory). */
export const MAX_LINE = 16 * 1024 * 1024;

/** How long a killed world's process group has between SIGTERM and SIGKILL. */
const KILL_GRACE_MS = 2000;

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

  private overflow = "";
  private ending: Promise<void> | null = null;

  /** Starts `argv` in `cwd` (no shell), as the leader of a new process group. */
  constructor(argv: readonly string[], cwd: string, env?: NodeJS.ProcessEnv, maxLine = MAX_LINE) {
    this.child = spawn(argv[0], argv.slice(1), { cwd, env: env ?? process.env, stdio: ["pipe", "pipe", "pipe"], detached: true });
    trackGroup(this.child.pid);
    this.child.on("error", (err) => this.markExited(`could not start '${argv[0]}': ${(err as NodeJS.ErrnoException).code ?? err.message}`));
    this.child.on("exit", (code, signal) => this.markExited(signal ? `exited on signal ${signal}` : `exited with code ${code}`));
    // A dead child's stdin raises EPIPE asynchronously; the exit handler reports it.
    this.child.stdin?.on("error", () => {});
    this.child.stderr?.on("data", (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString("utf8")).slice(-2000);
    });
    const buffer = new LineBuffer(maxLine);
    this.child.stdout!.on("data", (chunk: Buffer) => {
      const got = buffer.push(chunk);
      if ("overflow" in got) {
        this.failOverflow(`wrote more than ${maxLine} bytes without a newline`);
        return;
      }
      for (const line of got.lines) this.deliver(line);
    });
  }

  private deliver(line: string): void {
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w(line);
    } else {
      this.lines.push(line);
    }
  }

  /** An answer line past the limit ends the child at once; the request waiting (or the next one) fails as garbage. */
  private failOverflow(why: string): void {
    if (this.overflow) return;
    this.overflow = why;
    this.child.stdout?.pause();
    this.kill();
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w(null);
    }
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
    if (this.overflow) throw new ProcessFailure(this.overflow, "garbage");
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
    if (this.overflow) throw new ProcessFailure(this.overflow, "garbage");
    if (line === null) throw new ProcessFailure(this.describeExit(), "exit");
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

  /** Asks the child to close, then ends its process group if it has not exited within `graceMs`. */
  async close(graceMs = 1000): Promise<void> {
    if (!this.exited) {
      this.child.stdin?.write(JSON.stringify({ op: "close" }) + "\n");
      this.child.stdin?.end();
      const timer = setTimeout(() => this.kill(), graceMs);
      await this.exitedPromise;
      clearTimeout(timer);
    }
    // A child that exited may have left its own children behind (a shell's background job): end them too.
    await this.kill();
  }

  /**
   * Ends the child and its whole process group (SIGTERM, then SIGKILL after a grace) and lets go of its
   * pipes, so a grandchild that holds them open cannot keep this process alive. Resolves when done.
   */
  kill(): Promise<void> {
    if (this.ending) return this.ending;
    this.ending = endProcessGroup(this.child, KILL_GRACE_MS).then(() => {
      this.child.stdin?.destroy();
      this.child.stdout?.destroy();
      this.child.stderr?.destroy();
    });
    return this.ending;
  }
}

function truncate(s: string): string {
  return JSON.stringify(s.length > 120 ? s.slice(0, 120) + "…" : s);
}
