import { paramCount, type Expr } from "./ast.js";
import { generateLoop, MATH_PREAMBLE } from "./codegen.js";
import { columnIndexer, EAGER_ROWS, rowCountOf, TIER_ROWS, type CompileOptions } from "./compile.js";
import { paramDerivative } from "./derivative.js";
import { FunctionCache } from "./functionCache.js";
import { exprKey } from "./hash.js";
import { buildPlan } from "./plan.js";
import { POW_HELPERS } from "./power.js";
import { runPlan } from "./vectorEval.js";

/** A law and its derivatives with respect to each param, prepared for evaluation in one pass. */
export interface CompiledJacobian {
  /** Variable names in column order. */
  readonly variables: readonly string[];
  /** Number of params (columns of the Jacobian). */
  readonly paramCount: number;
  /**
   * Value and ∂value/∂param_j for every row. Optional `out` buffers are reused when long enough:
   * `out[0]` for the value, `out[1 + j]` for the derivative by param j. Read the results from the return value.
   */
  evaluate(
    columns: readonly Float64Array[],
    params: ArrayLike<number>,
    out?: Float64Array[],
  ): { value: Float64Array; dParams: Float64Array[] };
}

type Kernel = (cols: readonly Float64Array[], P: ArrayLike<number>, outs: Float64Array[], n: number) => void;
/** Compiled Jacobian kernels by generated source. */
export const jacobianCache = new FunctionCache<Kernel>(2048);
/** The same kernels by law structure and variable list. */
export const jacobianStructureCache = new FunctionCache<Kernel>(4096);

function generateKernel(exprs: readonly Expr[], variables: readonly string[]): Kernel {
  const loop = generateLoop(exprs, columnIndexer(variables));
  const source = [
    MATH_PREAMBLE,
    "return function jacobian(cols,P,outs,n){",
    ...loop.columns.map((c) => `const c${c}=cols[${c}];`),
    ...exprs.map((_, j) => `const o${j}=outs[${j}];`),
    ...loop.pre,
    "for(let i=0;i<n;i++){",
    ...loop.body,
    ...loop.results.map((r, j) => `o${j}[i]=${r};`),
    "}",
    "}",
  ].join("\n");
  return jacobianCache.get(source, () => new Function("M", "H", source)(Math, POW_HELPERS) as Kernel);
}

/**
 * Prepares the value and the param gradient of `expr` for evaluation in one pass; subexpressions shared
 * between the law and its derivatives are computed once per row. Tiers as in `compile`.
 */
export function compileJacobian(expr: Expr, variables: readonly string[], opts: CompileOptions = {}): CompiledJacobian {
  const k = paramCount(expr);
  const exprs = [expr];
  for (let j = 0; j < k; j++) exprs.push(paramDerivative(expr, j));
  const vars = [...variables];
  const tier = opts.tier ?? "auto";
  const structure = `${vars.length}\u0000${vars.join("\u0000")}\u0000${exprKey(expr)}`;
  let kernel: Kernel | undefined = tier === "interpret" ? undefined : jacobianStructureCache.peek(structure);
  const ensureKernel = (): Kernel => (kernel ??= jacobianStructureCache.get(structure, () => generateKernel(exprs, vars)));
  const plan = tier === "eager" ? undefined : buildPlan(exprs, columnIndexer(vars));
  if (tier === "eager") ensureKernel();
  let rowsSoFar = 0;
  return {
    variables: vars,
    paramCount: k,
    evaluate(columns, params, out) {
      if (columns.length < vars.length) throw new RangeError(`expected ${vars.length} columns, got ${columns.length}`);
      const n = rowCountOf(columns, out?.[0]);
      const outs: Float64Array[] = [];
      for (let j = 0; j <= k; j++) {
        const buf = out?.[j];
        outs.push(buf && buf.length >= n ? buf : new Float64Array(n));
      }
      rowsSoFar += n;
      if (kernel === undefined && tier === "auto" && (rowsSoFar >= TIER_ROWS || n >= EAGER_ROWS)) ensureKernel();
      if (kernel !== undefined) kernel(columns, params, outs, n);
      else runPlan(plan!, columns, params, n, outs);
      return { value: outs[0], dParams: outs.slice(1) };
    },
  };
}
