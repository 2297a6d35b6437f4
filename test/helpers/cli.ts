import { main } from "../../src/cli/main.js";

/** Result of running the CLI in-process. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `worldbreaker <argv>` in-process with captured output (no child process, so it is fast). */
export async function runCli(argv: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; signal?: AbortSignal } = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: opts.cwd ?? process.cwd(),
    env: opts.env ?? {},
    signal: opts.signal ?? new AbortController().signal,
  });
  return { code, stdout, stderr };
}
