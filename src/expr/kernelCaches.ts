import { kernelCache, structureCache } from "./compile.js";
import { jacobianCache, jacobianStructureCache } from "./jacobian.js";

/** Empties the caches of compiled kernels, so the next compilations are cold (for benchmarks). */
export function clearCompiledKernels(): void {
  kernelCache.clear();
  structureCache.clear();
  jacobianCache.clear();
  jacobianStructureCache.clear();
}
