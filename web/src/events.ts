import type { LiveEvent } from "./api";
import { roundLawText } from "../../src/expr/significant";
import { sameForm } from "../../src/report/same-form";

/** What an event is read against: the law the run holds now and the names laws use. */
export interface EventContext {
  currentLaw?: string;
  variables: string[];
}

function count(v: unknown): string {
  return typeof v === "number" && Number.isFinite(v) ? String(Math.round(v)) : "some";
}

function law(v: unknown): string {
  return typeof v === "string" && v.length > 0 ? roundLawText(v) : "a new law";
}

function bitsOf(v: unknown): string {
  return typeof v === "number" && Number.isFinite(v) ? `${Math.round(v).toLocaleString("en")} bits` : "some bits";
}

/** One plain English sentence for a live event of the discovery loop (laws rounded to 5 significant figures). */
export function describeEvent(e: LiveEvent, ctx: EventContext = { variables: [] }): string {
  const round = typeof e.round === "number" ? `Round ${e.round}: ` : "";
  switch (e.type) {
    case "run_started":
      return e.resumed ? "The discovery resumed where it stopped." : "The discovery started.";
    case "round_started":
      return e.round === 0 ? "Round 0: taking the first measurements." : `${round}designing experiments to break the current law.`;
    case "experiments_chosen":
      return `${round}the Breaker chose ${Array.isArray(e.experiments) ? e.experiments.length : count(e.count)} experiments where the law is most likely to fail.`;
    case "observations":
      return `${round}${Array.isArray(e.observations) ? e.observations.length : count(e.count)} new measurements came back.`;
    case "law_proposed":
      if (typeof e.law === "string" && ctx.currentLaw && sameForm(e.law, ctx.currentLaw, ctx.variables)) return `${round}the Explainer refitted the current law (${bitsOf(e.bits)}).`;
      return `${round}the Explainer proposes ${law(e.law)} (${bitsOf(e.bits)}).`;
    case "law_accepted":
      return `${round}adopted ${law(e.law)}: it is ${bitsOf(e.gainBits)} shorter than the law it replaces.`;
    case "law_rejected":
      // A challenger of the current law's own form is the same law refitted: nothing new was proposed.
      if (typeof e.law === "string" && ctx.currentLaw && sameForm(e.law, ctx.currentLaw, ctx.variables)) return `${round}no shorter law found; the current law stands.`;
      return `${round}kept the current law; the alternative ${law(e.law)} was not shorter by enough.`;
    case "break":
      return `${round}the law broke. ${typeof e.sentence === "string" ? roundLawText(e.sentence) : ""}`.trim();
    case "received_falsified":
      return `${round}the textbook law is proved wrong after ${count(e.queries)} measurements (${bitsOf(e.gainBits)} of evidence against it).`;
    case "warning":
      return `${round}${typeof e.message === "string" ? e.message : "a warning"}`;
    case "round_finished":
      return `${round}done.`;
    case "run_finished":
      return "The discovery finished.";
    case "run_failed":
      return `The discovery failed: ${String(e.error ?? e.message ?? "unknown error")}`;
    case "run_aborted":
    case "run_stopped":
      return "The discovery stopped.";
    default:
      return `${round}${e.type.replace(/_/g, " ")}.`;
  }
}
