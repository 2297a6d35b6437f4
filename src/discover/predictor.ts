import type { Predictor } from "../breaker/index.js";
import { compile, variablesOf, type Expr } from "../expr/index.js";
import type { WorldInfo } from "../worlds/world.js";
import type { LoopState } from "./types.js";

/** A law as the Breaker sees it: predictions at unasked experiments from the world's inputs alone. */
export function predictor(info: WorldInfo, law: { expr: Expr; params: readonly number[]; law: string }, bits: number): Predictor {
  const names = info.inputs.map((s) => s.name);
  const usable = variablesOf(law.expr).every((v) => names.includes(v));
  const compiled = usable ? compile(law.expr, names) : undefined;
  return {
    law: law.law,
    bits,
    predict(exps) {
      if (!compiled) return new Float64Array(exps.length).fill(NaN);
      const cols = names.map((n) => Float64Array.from(exps, (e) => e[n]));
      return compiled.evaluate(cols, law.params);
    },
  };
}

/** The laws the Breaker tries to tell apart from the current one: the last Pareto front, and the received theory while tracked. */
export function competitorsOf(info: WorldInfo, state: Pick<LoopState, "pareto" | "received" | "falsification" | "current">): Predictor[] {
  const list = state.pareto.map((p) => predictor(info, p, p.bits));
  if (state.received && !state.falsification) list.push(predictor(info, state.received, state.current.bits.total));
  return list;
}
