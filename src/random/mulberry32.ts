/**
 * The project's one seeded generator core: mulberry32 with splitmix-style seed mixing, so nearby seeds
 * (1, 2, 3…) do not start alike and every run is reproducible from its seed on any machine. Areas extend
 * it with the draws they need (normal, exponential, pick…) and never carry their own copy of the core.
 */
export class Mulberry32 {
  private state: number;

  /** Creates a generator; equal seeds give equal streams. */
  constructor(seed: number) {
    let s = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
    s = Math.imul(s ^ (s >>> 16), 0x85ebca6b) >>> 0;
    s = Math.imul(s ^ (s >>> 13), 0xc2b2ae35) >>> 0;
    this.state = (s ^ (s >>> 16)) >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}
