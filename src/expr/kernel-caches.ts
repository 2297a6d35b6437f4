import { kernelCache, structureCache } from "./compile.js";
import { multiKernelCache, multiStructureCache } from "./multi-eval.js";

/** Empties the caches of compiled kernels, so the next compilations are cold (for benchmarks). */
export function clearCompiledKernels(): void {
  kernelCache.clear();
  structureCache.clear();
  multiKernelCache.clear();
  multiStructureCache.clear();
}
