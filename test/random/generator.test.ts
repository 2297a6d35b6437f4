import { describe, expect, it } from "vitest";
import { Rng, seededRandom } from "../../src/random/index.js";

describe("the seeded generator", () => {
  it("gives the same stream for the same seed and different streams for nearby seeds", () => {
    const draw = (seed: number) => {
      const r = new Rng(seed);
      return Array.from({ length: 8 }, () => r.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    // Seed mixing: seeds 1 and 2 do not start alike.
    expect(Math.abs(draw(1)[0] - draw(2)[0])).toBeGreaterThan(1e-3);
  });

  it("keeps the Explainer's stream bit-identical to the mulberry32 it had before (values pinned)", () => {
    // Recorded from src/explain/rng.ts before the generators were merged: a change here moves every
    // `explain` result for a given seed.
    const r = new Rng(1);
    expect([r.next(), r.next(), r.next()]).toEqual([0.5223135030828416, 0.9062833907082677, 0.8789158053696156]);
    expect(r.int(1000)).toBe(397);
    expect(r.normal()).toBe(1.0071428669450309);
    expect(r.fork()).toBe(1876607885);
    expect(r.weighted([1, 2, 3])).toBe(2);
    expect(r.pick(["a", "b", "c"])).toBe("a");
    expect(r.uniform(-1, 1)).toBe(-0.6749779474921525);
    const s = new Rng(42);
    expect([s.next(), s.normal()]).toEqual([0.24572046380490065, -0.808045911170991]);
  });

  it("draws uniforms in [0, 1) spread evenly over the interval", () => {
    const r = new Rng(3);
    const bins = new Array<number>(10).fill(0);
    const n = 20000;
    let inside = true;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      inside &&= u >= 0 && u < 1;
      bins[Math.floor(u * 10)] += 1;
    }
    expect(inside).toBe(true);
    // Each bin expects 2000 ± 42 (one standard deviation); 250 is six of them.
    for (const b of bins) expect(Math.abs(b - n / 10)).toBeLessThan(250);
  });

  it("is the same stream as a plain function (seededRandom) and as a bound method", () => {
    const a = seededRandom(5);
    const r = new Rng(5);
    const next = r.next;
    expect([a(), a(), a()]).toEqual([next(), next(), next()]);
  });

  it("forks child seeds that are 32-bit integers and follow the parent's stream", () => {
    const r = new Rng(9);
    const seeds = Array.from({ length: 100 }, () => r.fork());
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
    expect(new Set(seeds).size).toBe(100);
    const again = new Rng(9);
    expect(again.fork()).toBe(seeds[0]);
  });
});
