import type { ChildProcess } from "node:child_process";

/**
 * Ends a child started with `detached: true` together with everything it started: a world run through
 * `sh -c` leaves its real process as a child of the shell, and killing the shell alone orphans it.
 * SIGTERM goes to the whole process group first; whatever is still there after `graceMs` gets SIGKILL.
 * Resolves once the group is gone (or could not be signalled at all).
 */
export function endProcessGroup(child: ChildProcess, graceMs: number): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return Promise.resolve();
  if (!signalGroup(pid, "SIGTERM")) {
    forgetGroup(pid);
    child.kill("SIGKILL");
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const started = Date.now();
    const done = () => {
      clearInterval(timer);
      forgetGroup(pid);
      resolve();
    };
    // Polls with signal 0 (a probe, no signal sent) so a group that obeys TERM ends the wait at once.
    const timer = setInterval(() => {
      if (!groupAlive(pid)) done();
      else if (Date.now() - started >= graceMs) {
        signalGroup(pid, "SIGKILL");
        done();
      }
    }, 25);
  });
}

/** Groups started and not yet ended: a process that exits abruptly (a second Ctrl-C) takes them along. */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

/**
 * Remembers the group of a child started with `detached: true` until `forgetGroup`. Its own group no longer
 * gets the terminal's Ctrl-C, so if this process exits first, the group is sent SIGKILL on the way out.
 */
export function trackGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  liveGroups.add(pid);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const g of liveGroups) signalGroup(g, "SIGKILL");
  });
}

/** Stops tracking a group that has been ended. */
export function forgetGroup(pid: number | undefined): void {
  if (pid !== undefined) liveGroups.delete(pid);
}

/** Whether any process of the group led by `pid` is still alive. */
export function groupAlive(pid: number): boolean {
  return signalGroup(pid, 0);
}

/** Sends `signal` to the process group `pid`; false when there is no such group (or it is not ours to signal). */
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ESRCH" || code === "EPERM") return false;
    throw err;
  }
}
