import type { LiveEvent } from "./api";

function num(v: unknown): string {
  return typeof v === "number" && Number.isFinite(v) ? String(Math.round(v * 100) / 100) : "?";
}

/** One line of plain English for a live event of the discovery loop. */
export function describeEvent(e: LiveEvent): string {
  const round = typeof e.round === "number" ? `Round ${e.round}: ` : "";
  switch (e.type) {
    case "run_started":
      return "Discovery started.";
    case "round_started":
      return `${round}started.`;
    case "experiments_chosen":
      return `${round}chose ${Array.isArray(e.experiments) ? e.experiments.length : num(e.count)} new experiments to test the law.`;
    case "observations":
      return `${round}received ${Array.isArray(e.observations) ? e.observations.length : num(e.count)} measurements.`;
    case "law_proposed":
      return `${round}considering ${String(e.law ?? "a new law")}.`;
    case "law_accepted":
      return `${round}adopted ${String(e.law ?? "a new law")}.`;
    case "law_rejected":
      return `${round}kept the current law (the alternative was not shorter).`;
    case "break":
      return `${round}the law broke. ${typeof e.sentence === "string" ? e.sentence : ""}`.trim();
    case "round_finished":
      return `${round}finished.`;
    case "run_finished":
      return "Discovery finished.";
    case "run_failed":
      return `Discovery failed: ${String(e.error ?? e.message ?? "unknown error")}`;
    case "run_aborted":
    case "run_stopped":
      return "Discovery stopped.";
    default:
      return `${round}${e.type.replace(/_/g, " ")}.`;
  }
}
