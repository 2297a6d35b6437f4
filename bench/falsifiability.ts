import { compile, fitParams, paramCount, parse } from "../src/expr/index.js";
import { derive } from "../src/random/index.js";
import { sampleUniform } from "../src/breaker/space.js";
import type { Experiment, WorldDefinition } from "../src/worlds/world.js";

/**
 * How hard a world makes it to falsify its received theory, whatever the strategy: the share of the
 * full experiment space (under the same uniform sampling the random baseline uses) where a single
 * measurement already contradicts the received theory by more than `sigmas` standard deviations of the
 * world's own noise. The received theory is fitted to the noise-free truth over the initial sub-range,
 * as a naive learner's best version of it. If that share is p, uniform random sampling needs a median
 * of ⌈ln ½ / ln(1 − p)⌉ experiments to make its first decisive one, and no strategy needs fewer than 1,
 * so a Breaker's advantage over random sampling is capped near that median: where p is large, no
 * experiment design can beat random sampling by much, because almost every experiment is decisive.
 */
export interface Falsifiability {
  /** Share of uniform random experiments over the full range that contradict the received theory by > `sigmas` σ. */
  decisiveShare: number;
  /** Median number of uniform random experiments until the first decisive one. */
  randomMedian: number;
  /** The same share inside the initial sub-range (should be near 0: the theory holds there). */
  initialShare: number;
  /** Constants of the received theory fitted on the initial sub-range. */
  params: number[];
}

/** Measures a built-in world's falsifiability (see `Falsifiability`); undefined when it has no received theory or truth. */
export async function falsifiability(def: WorldDefinition, opts: { points?: number; repeats?: number; sigmas?: number; seed?: number } = {}): Promise<Falsifiability | undefined> {
  const points = opts.points ?? 300;
  const repeats = opts.repeats ?? 10;
  const sigmas = opts.sigmas ?? 3;
  const seed = opts.seed ?? 7;
  const world = def.create({ seed });
  try {
    const info = world.info;
    if (!info.receivedTheory || !def.noiseFree) return undefined;
    const names = info.inputs.map((s) => s.name);
    const expr = parse(info.receivedTheory, { variables: names });
    const columnsOf = (exps: readonly Experiment[]) => names.map((n) => Float64Array.from(exps, (e) => e[n]));
    const initial = sampleUniform(info.inputs, 200, derive(seed, "falsifiability-initial").next, true);
    const truthInitial = Float64Array.from(initial, (e) => def.noiseFree!(e));
    const k = paramCount(expr);
    const fit = fitParams(expr, names, columnsOf(initial), truthInitial, { restarts: 8, seed });
    const kernel = compile(expr, names);
    const predict = (exps: readonly Experiment[]) => kernel.evaluate(columnsOf(exps), k > 0 ? fit.params : []);

    // σ at each point from repeated measurements, so intrinsic noise (stochastic kinetics) counts as it is.
    const share = async (exps: Experiment[]): Promise<number> => {
      const pred = predict(exps);
      let decisive = 0;
      for (let i = 0; i < exps.length; i++) {
        const ys = (await world.run(Array.from({ length: repeats }, () => exps[i]))).filter((y): y is number => y !== null);
        const mean = ys.reduce((a, b) => a + b, 0) / Math.max(1, ys.length);
        const sd = Math.sqrt(ys.reduce((a, y) => a + (y - mean) ** 2, 0) / Math.max(1, ys.length - 1));
        const gap = Math.abs(def.noiseFree!(exps[i]) - pred[i]);
        if (!Number.isFinite(pred[i]) || gap > sigmas * Math.max(sd, 1e-300)) decisive++;
      }
      return decisive / exps.length;
    };
    const decisiveShare = await share(sampleUniform(info.inputs, points, derive(seed, "falsifiability-full").next));
    const initialShare = await share(sampleUniform(info.inputs, Math.max(20, Math.round(points / 5)), derive(seed, "falsifiability-check").next, true));
    return { decisiveShare, randomMedian: randomMedianOf(decisiveShare), initialShare, params: k > 0 ? fit.params : [] };
  } finally {
    await world.close();
  }
}

/** Median of the geometric distribution: draws until the first success with probability p each. */
export function randomMedianOf(p: number): number {
  if (p >= 1) return 1;
  if (p <= 0) return Infinity;
  return Math.max(1, Math.ceil(Math.log(0.5) / Math.log(1 - p)));
}
