import type { Expr } from "./ast.js";
import { generateLoop, MATH_PREAMBLE } from "./codegen.js";
import { columnIndexer, EAGER_ROWS, rowCountOf, TIER_ROWS, type CompileOptions } from "./compile.js";
import { FunctionCache } from "./function-cache.js";
import { buildPlan } from "./plan.js";
import { POW_HELPERS } from "./power.js";
import { runPlan } from "./vector-eval.js";

type Kernel = (cols: readonly Float64Array[], P: ArrayLike<number>, outs: Float64Array[], n: number) => void;
/** Compiled multi-output kernels by generated source. */
export const multiKernelCache = new FunctionCache<Kernel>(2048);
/** The same kernels by structure key (law, what is differentiated, variable list). */
export const multiStructureCache = new FunctionCache<Kernel>(4096);

/** Evaluates several expressions over the same rows in one pass, writing one output array each. */
export type MultiEvaluator = (columns: readonly Float64Array[], params: ArrayLike<number>, out?: Float64Array[]) => Float64Array[];

function generateKernel(exprs: readonly Expr[], variables: readonly string[]): Kernel {
  const loop = generateLoop(exprs, columnIndexer(variables));
  const source = [
    MATH_PREAMBLE,
    "return function multi(cols,P,outs,n){",
    ...loop.columns.map((c) => `const c${c}=cols[${c}];`),
    ...exprs.map((_, j) => `const o${j}=outs[${j}];`),
    ...loop.pre,
    "for(let i=0;i<n;i++){",
    ...loop.body,
    ...loop.results.map((r, j) => `o${j}[i]=${r};`),
    "}",
    "}",
  ].join("\n");
  return multiKernelCache.get(source, () => new Function("M", "H", source)(Math, POW_HELPERS) as Kernel);
}

/**
 * Prepares `exprs` (a law and its derivatives, typically) for evaluation in one pass with shared
 * subexpressions; tiers as in `compile`. `structure` must identify `exprs` and `variables` uniquely.
 */
export function compileMulti(exprs: readonly Expr[], variables: readonly string[], structure: string, opts: CompileOptions = {}): MultiEvaluator {
  const vars = [...variables];
  const tier = opts.tier ?? "auto";
  let kernel: Kernel | undefined = tier === "interpret" ? undefined : multiStructureCache.peek(structure);
  const ensureKernel = (): Kernel => (kernel ??= multiStructureCache.get(structure, () => generateKernel(exprs, vars)));
  const plan = tier === "eager" ? undefined : buildPlan(exprs, columnIndexer(vars));
  if (tier === "eager") ensureKernel();
  let rowsSoFar = 0;
  const scratch: Float64Array[] = [];
  return (columns, params, out) => {
    if (columns.length < vars.length) throw new RangeError(`expected ${vars.length} columns, got ${columns.length}`);
    const n = rowCountOf(columns, out?.[0]);
    const outs: Float64Array[] = [];
    for (let j = 0; j < exprs.length; j++) {
      const buf = out?.[j];
      outs.push(buf && buf.length >= n ? buf : new Float64Array(n));
    }
    rowsSoFar += n;
    if (kernel === undefined && tier === "auto" && (rowsSoFar >= TIER_ROWS || n >= EAGER_ROWS)) ensureKernel();
    if (kernel !== undefined) kernel(columns, params, outs, n);
    else runPlan(plan!, columns, params, n, outs, scratch);
    return outs;
  };
}
