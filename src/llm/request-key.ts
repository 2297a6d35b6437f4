import { createHash } from "node:crypto";

/** JSON with object keys sorted at every depth, so equal requests serialise identically. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

/** Content hash of a request body (sha256 of its canonical JSON): the cache and replay key. */
export function requestKey(body: unknown): string {
  return createHash("sha256").update(canonicalJson(body)).digest("hex");
}
