import type { BreakerStrategy } from "./types.js";

/**
 * Stage choice for staged worlds. Among the stages whose prerequisites are collected, the one most
 * likely to falsify is the one that extrapolates furthest from what the law was built on: the stage
 * with the longest chain of prerequisites behind it (deepest in the protocol), ties broken by the
 * dataset's order, latest first. Collecting it tests the law where it predicts without support.
 */
export const stagesStrategy: BreakerStrategy = {
  name: "stages",
  summary: "staged worlds: the collectable stage deepest in the protocol (furthest extrapolation)",
  choose() {
    return [];
  },
  chooseStage(ctx) {
    const stages = ctx.collectableStages ?? [];
    if (stages.length === 0) return undefined;
    const all = ctx.info.stages ?? [];
    const byId = new Map(all.map((s) => [s.id, s]));
    const depthMemo = new Map<string, number>();
    const depth = (id: string, seen: Set<string> = new Set()): number => {
      if (depthMemo.has(id)) return depthMemo.get(id)!;
      if (seen.has(id)) return 0;
      seen.add(id);
      const pre = byId.get(id)?.prerequisites ?? [];
      const d = pre.length === 0 ? 0 : 1 + Math.max(...pre.map((p) => depth(p, seen)));
      depthMemo.set(id, d);
      return d;
    };
    const order = (id: string) => all.findIndex((s) => s.id === id);
    return [...stages].sort((a, b) => depth(b.id) - depth(a.id) || order(b.id) - order(a.id))[0].id;
  },
};
