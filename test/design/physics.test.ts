import { describe, expect, it } from "vitest";
import { meanForceAtLoadingRate, mostProbableForce } from "../../src/design/bell-evans.js";
import { calibratedK0, CLASS_PARAMETERS, foldedSpan, type MechanicalClass } from "../../src/design/mechanical-classes.js";
import { binnedForce, curveEnergy, pull } from "../../src/design/pulling.js";
import { Rng } from "../../src/random/index.js";
import { KT_298K_PN_NM, wlcForce, wlcRelativeExtension } from "../../src/design/worm-like-chain.js";

function meanRupture(cls: MechanicalClass, speed: number, replicas: number, seed = 1): number {
  const c = CLASS_PARAMETERS[cls];
  const k0 = calibratedK0(cls);
  let sum = 0;
  for (let r = 0; r < replicas; r++) {
    const t = pull({ domains: [{ residues: c.anchorResidues, dx: c.dx, k0, span: foldedSpan(c.anchorResidues) }], unfoldedResidues: 20, speed, springConstant: 40 }, new Rng(seed * 100_000 + r));
    sum += t.ruptures[0].force;
  }
  return sum / replicas;
}

describe("worm-like chain", () => {
  it("gives the Marko–Siggia force at known extensions", () => {
    // F(x/L = 0.5) = kT/p · (1/(4·0.25) − 1/4 + 1/2) = 1.25 kT/p
    expect(wlcForce(0.5)).toBeCloseTo((1.25 * KT_298K_PN_NM) / 0.4, 10);
    expect(wlcForce(0)).toBe(0);
    // Near full extension F ≈ kT / (4 p (1 − x/L)²).
    expect(wlcForce(0.99) / (KT_298K_PN_NM / (4 * 0.4 * 1e-4))).toBeCloseTo(1, 2);
  });
  it("inverts the force law", () => {
    for (const f of [0.5, 5, 20, 100, 500]) expect(wlcForce(wlcRelativeExtension(f))).toBeCloseTo(f, 8);
  });
});

describe("Bell–Evans kinetics", () => {
  it("KMC at constant loading rate reproduces the exact mean and most probable forces", () => {
    const k0 = 1e-3, dx = 0.25, kc = 40, v = 600;
    const rate = kc * v;
    const forces: number[] = [];
    for (let r = 0; r < 3000; r++) {
      // No unfolded tether: the force rises exactly as k_c v t until the domain unfolds.
      const t = pull({ domains: [{ residues: 50, dx, k0, span: 3 }], unfoldedResidues: 0, speed: v, springConstant: kc }, new Rng(r));
      forces.push(t.ruptures[0].force);
    }
    const mean = forces.reduce((a, b) => a + b, 0) / forces.length;
    const exact = meanForceAtLoadingRate(k0, dx, rate);
    expect(Math.abs(mean - exact) / exact).toBeLessThan(0.01);
    // Gumbel statistics: mean ≈ F* − γ kT/Δx when k0 kT/(rΔx) ≪ 1.
    expect(exact).toBeCloseTo(mostProbableForce(k0, dx, rate) - 0.5772156649 * (KT_298K_PN_NM / dx), 0);
    const hist = new Map<number, number>();
    for (const f of forces) hist.set(Math.round(f / 10), (hist.get(Math.round(f / 10)) ?? 0) + 1);
    const modeBin = [...hist.entries()].sort((a, b) => b[1] - a[1])[0][0] * 10;
    expect(Math.abs(modeBin - mostProbableForce(k0, dx, rate))).toBeLessThanOrEqual(15);
  });
  it("unfolding force grows with the logarithm of the pulling speed (slope kT/Δx)", () => {
    const fast = meanRupture("beta-shear", 600, 300);
    const slow = meanRupture("beta-shear", 60, 300, 2);
    const slope = (fast - slow) / Math.log(10);
    expect(slope / (KT_298K_PN_NM / CLASS_PARAMETERS["beta-shear"].dx)).toBeGreaterThan(0.8);
    expect(slope / (KT_298K_PN_NM / CLASS_PARAMETERS["beta-shear"].dx)).toBeLessThan(1.2);
  });
});

describe("calibrated mechanical classes", () => {
  it.each([
    ["beta-shear", 204],
    ["alpha-beta-shear", 190],
    ["helix", 20],
  ] as const)("%s reproduces its anchor (%d pN at 600 nm/s) within 3 percent", (cls, anchor) => {
    expect(Math.abs(meanRupture(cls, 600, 500) - anchor) / anchor).toBeLessThan(0.03);
  });
  it("orders classes by mechanical strength", () => {
    const order = (["helix", "alpha-bundle", "alpha-beta", "beta-unzip", "alpha-beta-shear", "beta-shear"] as const).map((c) => meanRupture(c, 600, 100));
    for (let i = 1; i < order.length; i++) expect(order[i]).toBeGreaterThan(order[i - 1]);
  });
});

describe("force–extension curves", () => {
  it("show a sawtooth: one force drop per domain, energy equals the binned history's area", () => {
    const c = CLASS_PARAMETERS["beta-shear"];
    const dom = { residues: 89, dx: c.dx, k0: calibratedK0("beta-shear"), span: foldedSpan(89) };
    const t = pull({ domains: [dom, dom, dom], unfoldedResidues: 10, speed: 600, springConstant: 40 }, new Rng(5));
    expect(t.ruptures).toHaveLength(3);
    for (const r of t.ruptures) expect(r.force).toBeGreaterThan(120);
    // Extension never decreases and the pull ends at half the total contour.
    for (let i = 1; i < t.extension.length; i++) expect(t.extension[i]).toBeGreaterThanOrEqual(t.extension[i - 1] - 1e-9);
    expect(t.extension[t.extension.length - 1]).toBeGreaterThanOrEqual(0.5 * 0.38 * (3 * 89 + 10) - 1e-6);
    const bins = binnedForce(t.extension, t.force, 25);
    const width = t.extension[t.extension.length - 1] / 25;
    const area = bins.reduce((a, b) => a + b, 0) * width;
    const xStart = t.extension[0];
    expect(area).toBeCloseTo(curveEnergy(t), 6);
    expect(xStart).toBeGreaterThan(0);
  });
  it("is deterministic by seed", () => {
    const dom = { residues: 60, dx: 0.3, k0: 1e-2, span: 2 };
    const a = pull({ domains: [dom, dom], unfoldedResidues: 5, speed: 600, springConstant: 40 }, new Rng(9));
    const b = pull({ domains: [dom, dom], unfoldedResidues: 5, speed: 600, springConstant: 40 }, new Rng(9));
    const c = pull({ domains: [dom, dom], unfoldedResidues: 5, speed: 600, springConstant: 40 }, new Rng(10));
    expect(Array.from(a.force)).toEqual(Array.from(b.force));
    expect(a.ruptures[0].force).not.toBe(c.ruptures[0].force);
  });
});
