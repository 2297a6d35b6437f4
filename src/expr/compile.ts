import type { Expr } from "./ast.js";
import { UnknownVariableError } from "./errors.js";
import { generateLoop, MATH_PREAMBLE } from "./codegen.js";
import { FunctionCache } from "./function-cache.js";
import { exprKey } from "./hash.js";
import { buildPlan, type Plan } from "./plan.js";
import { POW_HELPERS } from "./power.js";
import { runPlan } from "./vector-eval.js";

/** A law prepared for fast batched evaluation. */
export interface CompiledExpr {
  /** Variable names in column order, as given to `compile`. */
  readonly variables: readonly string[];
  /**
   * Evaluates every row: `columns[k]` holds variable `variables[k]`. The row count is the columns' length
   * (or `out`'s length when there are no columns). NaN and Infinity propagate; it never throws on values.
   */
  evaluate(columns: readonly Float64Array[], params: ArrayLike<number>, out?: Float64Array): Float64Array;
}

/** Options of `compile`. */
export interface CompileOptions {
  /**
   * `auto` (default): evaluate by the column-wise interpreter (shared, always-optimised code, no compilation)
   * until the law has been evaluated on TIER_ROWS rows in all, or at once for a call of EAGER_ROWS rows or
   * more, then generate a specialised kernel — a fresh kernel only pays off once V8 has warmed it up, which
   * takes a few dozen calls; `eager`: generate code now; `interpret`: never. All give bit-identical values.
   */
  tier?: "auto" | "eager" | "interpret";
}

type Kernel = (cols: readonly Float64Array[], params: ArrayLike<number>, out: Float64Array, n: number) => Float64Array;

/** Rows in one call from which generating code pays off at once. */
export const EAGER_ROWS = 20_000;
/** Rows evaluated in all (over calls) after which `auto` generates code. */
export const TIER_ROWS = 100_000;

/** Compiled value kernels by generated source (shared by every `compile` call in the process). */
export const kernelCache = new FunctionCache<Kernel>(4096);
/** The same kernels by law structure and variable list, which skips code generation on a hit. */
export const structureCache = new FunctionCache<Kernel>(8192);

/** Maps each variable name to its column, refusing a name the columns lack. */
export function columnIndexer(variables: readonly string[]): (name: string) => number {
  const index = new Map<string, number>();
  variables.forEach((name, k) => {
    if (!index.has(name)) index.set(name, k);
  });
  return (name) => {
    const k = index.get(name);
    if (k === undefined) throw new UnknownVariableError(`the law uses '${name}', which is not among the variables (${variables.join(", ") || "none"})`);
    return k;
  };
}

/** Row count of a batch: the columns' common length, else `out`'s length, else 1. */
export function rowCountOf(columns: readonly Float64Array[], out: Float64Array | undefined): number {
  if (columns.length === 0) return out ? out.length : 1;
  const n = columns[0].length;
  for (let k = 1; k < columns.length; k++) {
    if (columns[k].length !== n) throw new RangeError(`column ${k} has ${columns[k].length} rows, column 0 has ${n}`);
  }
  return n;
}

function generateKernel(expr: Expr, variables: readonly string[]): Kernel {
  const loop = generateLoop([expr], columnIndexer(variables));
  const source = [
    MATH_PREAMBLE,
    "return function kernel(cols,P,out,n){",
    ...loop.columns.map((k) => `const c${k}=cols[${k}];`),
    ...loop.pre,
    "for(let i=0;i<n;i++){",
    ...loop.body,
    `out[i]=${loop.results[0]};`,
    "}",
    "return out;",
    "}",
  ].join("\n");
  return kernelCache.get(source, () => new Function("M", "H", source)(Math, POW_HELPERS) as Kernel);
}

/**
 * Prepares `expr` for evaluation over typed-array columns. Generated kernels are cached by structure, so
 * recompiling an equal tree is a map lookup; see `CompileOptions` for when code is generated.
 */
export function compile(expr: Expr, variables: readonly string[], opts: CompileOptions = {}): CompiledExpr {
  const vars = [...variables];
  const tier = opts.tier ?? "auto";
  const structure = `${vars.length}\u0000${vars.join("\u0000")}\u0000${exprKey(expr)}`;
  let kernel: Kernel | undefined = tier === "interpret" ? undefined : structureCache.peek(structure);
  let plan: Plan | undefined;
  const ensureKernel = (): Kernel => (kernel ??= structureCache.get(structure, () => generateKernel(expr, vars)));
  if (tier === "eager") ensureKernel();
  else plan = buildPlan([expr], columnIndexer(vars)); // validates names and nodes now, as code generation would
  let rowsSoFar = 0;
  const scratch: Float64Array[] = [];
  return {
    variables: vars,
    evaluate(columns, params, out) {
      if (columns.length < vars.length) throw new RangeError(`expected ${vars.length} columns, got ${columns.length}`);
      const n = rowCountOf(columns, out);
      const target = out && out.length >= n ? out : new Float64Array(n);
      rowsSoFar += n;
      if (kernel === undefined && tier === "auto" && (rowsSoFar >= TIER_ROWS || n >= EAGER_ROWS)) ensureKernel();
      if (kernel !== undefined) return kernel(columns, params, target, n);
      runPlan(plan!, columns, params, n, [target], scratch);
      return target;
    },
  };
}

/** Number of distinct generated kernels currently cached (for tests and diagnostics). */
export function compiledKernelCount(): number {
  return kernelCache.size;
}
