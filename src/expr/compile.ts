import type { Expr } from "./ast.js";
import { UserError } from "../errors.js";
import { generateLoop, MATH_PREAMBLE } from "./codegen.js";
import { FunctionCache } from "./functionCache.js";
import { POW_HELPERS } from "./power.js";

/** A law compiled to specialised code for fast batched evaluation. */
export interface CompiledExpr {
  /** Variable names in column order, as given to `compile`. */
  readonly variables: readonly string[];
  /**
   * Evaluates every row: `columns[k]` holds variable `variables[k]`. The row count is the columns' length
   * (or `out`'s length when there are no columns). NaN and Infinity propagate; it never throws on values.
   */
  evaluate(columns: readonly Float64Array[], params: ArrayLike<number>, out?: Float64Array): Float64Array;
}

type Kernel = (cols: readonly Float64Array[], params: ArrayLike<number>, out: Float64Array, n: number) => Float64Array;

const cache = new FunctionCache<Kernel>(4096);

/** Maps each variable name to its column, refusing a name the columns lack. */
export function columnIndexer(variables: readonly string[]): (name: string) => number {
  const index = new Map<string, number>();
  variables.forEach((name, k) => {
    if (!index.has(name)) index.set(name, k);
  });
  return (name) => {
    const k = index.get(name);
    if (k === undefined) throw new UserError(`the law uses '${name}', which is not among the variables (${variables.join(", ") || "none"})`);
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

/**
 * Compiles `expr` to a specialised loop over typed-array columns. Compiled kernels are cached by the
 * structure of the generated code, so recompiling an equal tree (even with other names) is a map lookup.
 */
export function compile(expr: Expr, variables: readonly string[]): CompiledExpr {
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
  const kernel = cache.get(source, () => new Function("M", "H", source)(Math, POW_HELPERS) as Kernel);
  const vars = [...variables];
  return {
    variables: vars,
    evaluate(columns, params, out) {
      if (columns.length < vars.length) throw new RangeError(`expected ${vars.length} columns, got ${columns.length}`);
      const n = rowCountOf(columns, out);
      const target = out && out.length >= n ? out : new Float64Array(n);
      return kernel(columns, params, target, n);
    },
  };
}

/** Number of distinct compiled kernels currently cached (for tests and diagnostics). */
export function compiledKernelCount(): number {
  return cache.size;
}
