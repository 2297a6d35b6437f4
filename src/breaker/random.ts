import type { BreakerStrategy } from "./types.js";

/** Uniform random sampling of the candidates: the baseline every other strategy is measured against. */
export const randomStrategy: BreakerStrategy = {
  name: "random",
  summary: "uniform random experiments over the full range (the baseline)",
  choose(ctx, count, taken) {
    const free = ctx.candidates.map((_, i) => i).filter((i) => !taken.has(i));
    const out: number[] = [];
    while (out.length < count && free.length > 0) out.push(free.splice(Math.floor(ctx.rng() * free.length), 1)[0]);
    return out;
  },
  chooseStage(ctx) {
    const stages = ctx.collectableStages ?? [];
    return stages.length > 0 ? stages[Math.floor(ctx.rng() * stages.length)].id : undefined;
  },
};
