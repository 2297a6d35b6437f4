const WORDS: Record<string, string> = {
  running: "running",
  finished: "finished",
  aborted: "stopped",
  stopped: "stopped",
  failed: "failed",
  interrupted: "interrupted",
};

/** A run's status as a coloured word (the word carries the meaning; colour only helps). */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${WORDS[status] ?? "other"}`}>{WORDS[status] ?? status}</span>;
}
