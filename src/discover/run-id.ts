import { randomBytes } from "node:crypto";

/** A fresh run id: the world's name, the UTC time and a little randomness (never reused). */
export function newRunId(world: string, now = new Date()): string {
  const slug = world.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 24) || "run";
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "").replace("T", "-");
  return `${slug}-${stamp}-${randomBytes(2).toString("hex")}`;
}
