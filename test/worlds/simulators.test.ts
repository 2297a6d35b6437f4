import { describe, expect, it } from "vitest";
import { PLANCK_A, PLANCK_B, RAYLEIGH_JEANS_K, planck, rayleighJeans } from "../../src/worlds/blackbody.js";
import { CENTRAL_COUNT, doubleSlitMean } from "../../src/worlds/double-slit.js";
import { duffingAmplitude, harmonicBalanceRoots, linearAmplitude } from "../../src/worlds/duffing.js";
import { CONTOUR_NM, KT_PN_NM, PERSISTENCE_NM, dnaExtension, markoSiggiaForce } from "../../src/worlds/polymer-stretching.js";
import { expectedUnfoldingForce, proteinUnfolding, simulatePull } from "../../src/worlds/protein-unfolding.js";
import { derive } from "../../src/random/index.js";
import { TANGENT_MPA, YIELD_MPA, YOUNG_MPA, elastoplasticPath } from "../../src/worlds/tensile-cyclic.js";
import { bondCorrelation, couplingForPersistence, createDwlc } from "../../src/worlds/transfer-matrix.js";

describe("double-slit", () => {
  it("has the central maximum, dark fringes and the single-slit envelope of the Fraunhofer pattern", () => {
    expect(doubleSlitMean(0, 100, 500)).toBeCloseTo(CENTRAL_COUNT, 9);
    // First dark fringe at x = λL/(2d): 500 nm · 1 m / (2 · 100 µm) = 2.5 mm.
    expect(doubleSlitMean(2.5, 100, 500)).toBeLessThan(1e-9);
    // Bright fringe at x = λL/d = 5 mm, reduced by sinc²(π a x/λL) with a = 4 µm: u = π·4·5/500.
    const u = (Math.PI * 4 * 5) / 500;
    expect(doubleSlitMean(5, 100, 500)).toBeCloseTo(CENTRAL_COUNT * (Math.sin(u) / u) ** 2, 9);
  });
});

describe("blackbody", () => {
  it("uses the SI-exact constants", () => {
    expect(PLANCK_B).toBeCloseTo(47.99243, 4);
    expect(PLANCK_A).toBeCloseTo(0.0147450, 6);
    expect(RAYLEIGH_JEANS_K).toBeCloseTo(3.07236e-4, 8);
  });

  it("peaks at Wien's frequency 2.821439 kT/h and reduces to Rayleigh–Jeans at low frequency", () => {
    const T = 5000;
    const nuPeak = (2.821439372 * T) / PLANCK_B;
    const h = 1e-4 * nuPeak;
    expect(planck(nuPeak + h, T)).toBeLessThan(planck(nuPeak, T));
    expect(planck(nuPeak - h, T)).toBeLessThan(planck(nuPeak, T));
    expect(planck(0.01, 5000) / rayleighJeans(0.01, 5000)).toBeCloseTo(1, 4);
    // Worked by hand: B(ν = 100 THz, T = 3000 K) = 1.474499e-8 / (e^1.59975 − 1) = 3.7312e-9 W m⁻² sr⁻¹ Hz⁻¹.
    expect(planck(100, 3000) * 1e-12).toBeCloseTo(3.7312e-9, 13);
  });
});

describe("discrete worm-like chain (transfer matrix)", () => {
  it("reproduces the freely jointed chain's Langevin function exactly when bonds are uncoupled", () => {
    const fjc = createDwlc(0, 64);
    for (const f of [0.01, 0.5, 3, 20]) expect(fjc.extensionPerBond(f)).toBeCloseTo(1 / Math.tanh(f) - 1 / f, 10);
  });

  it("has the exact low-force linear response ⟨z⟩ = F N b² (1+c)/(1−c) / 3kT", () => {
    const A = couplingForPersistence(2 / 50);
    const c = bondCorrelation(A);
    expect(c).toBeCloseTo(Math.exp(-2 / 50), 12);
    const f = 1e-4;
    const ratio = createDwlc(A, 96).extensionPerBond(f) / f / ((1 + c) / (3 * (1 - c)));
    expect(Math.abs(ratio - 1)).toBeLessThan(1e-5);
  });

  it("follows the worm-like chain: near Marko–Siggia, saturating at the contour length", () => {
    for (const F of [0.1, 1, 5]) {
      const z = dnaExtension(F) / CONTOUR_NM;
      // Extension by inverting Marko–Siggia (accurate to ~10 %) at the same force.
      let lo = 0;
      let hi = 1 - 1e-12;
      for (let i = 0; i < 100; i++) {
        const mid = (lo + hi) / 2;
        if (markoSiggiaForce(mid) < F) lo = mid;
        else hi = mid;
      }
      expect(Math.abs(z / lo - 1)).toBeLessThan(0.1);
    }
    // High-force asymptote of the continuum chain: 1 − ½ √(kT/(F P)).
    const z50 = dnaExtension(50) / CONTOUR_NM;
    expect(Math.abs(z50 - (1 - 0.5 * Math.sqrt(KT_PN_NM / (50 * PERSISTENCE_NM))))).toBeLessThan(0.003);
    expect(dnaExtension(0.01)).toBeLessThan(dnaExtension(0.02));
  });
});

describe("protein-unfolding", () => {
  it("unfolds all eight domains at forces of the I27 scale", () => {
    const forces = simulatePull(600, derive(3, "experiment", 0));
    expect(forces).toHaveLength(8);
    for (const f of forces) expect(f).toBeGreaterThan(100);
    for (const f of forces) expect(f).toBeLessThan(320);
  });

  it("gives ≈ 200 pN at 600 nm/s and grows logarithmically with speed (Bell–Evans)", () => {
    const f600 = expectedUnfoldingForce(600);
    expect(f600).toBeGreaterThan(190);
    expect(f600).toBeLessThan(215);
    const f60 = expectedUnfoldingForce(60);
    const f6000 = expectedUnfoldingForce(6000);
    const slope1 = (f600 - f60) / Math.log(10);
    const slope2 = (f6000 - f600) / Math.log(10);
    // Slope per e-fold near kT/Δx = 16.4 pN (a little more as the chain stiffens), nearly constant.
    expect(slope1).toBeGreaterThan(14);
    expect(slope1).toBeLessThan(22);
    expect(Math.abs(slope2 - slope1)).toBeLessThan(3);
    // The closed-form truth fb·log(v/v0) with its published constants stays within 2 pN of the simulation.
    const { fb, v0 } = proteinUnfolding.truthConstants!;
    for (const [v, f] of [[60, f60], [600, f600], [6000, f6000]]) expect(Math.abs(fb * Math.log(v / v0) - f)).toBeLessThan(2);
  });
});

describe("duffing", () => {
  it("matches the linear oscillator exactly when the cubic term is off", () => {
    for (const [w, g] of [[0.6, 0.05], [1, 0.01], [1.7, 0.5]]) expect(duffingAmplitude(w, g, 0.2, 1, 0) / linearAmplitude(w, g)).toBeCloseTo(1, 4);
  });

  it("satisfies the harmonic-balance frequency response off resonance and bends the peak to higher frequency", () => {
    const g = 0.3;
    const w = 1.8;
    const A = duffingAmplitude(w, g);
    const residual = A * A * ((1 + 0.75 * A * A - w * w) ** 2 + (0.2 * w) ** 2) - g * g;
    expect(Math.abs(residual) / (g * g)).toBeLessThan(0.02);
    // Hardening: above resonance (ω = 1.5) the strongly driven oscillator responds far above the linear prediction.
    expect(duffingAmplitude(1.5, 1)).toBeGreaterThan(1.5 * linearAmplitude(1.5, 1));
  });

  it("harmonic balance: roots solve the frequency-response equation, three where bistable, and match weak drive", () => {
    for (const [w, g] of [[1, 0.01], [1.5, 0.5], [0.5, 1], [1.9, 1], [1.2, 0.2]]) {
      const roots = harmonicBalanceRoots(w, g);
      expect(roots.length === 1 || roots.length === 3).toBe(true);
      for (const A of roots) expect(A * A * ((1 + 0.75 * A * A - w * w) ** 2 + (0.2 * w) ** 2)).toBeCloseTo(g * g, 12);
      expect([...roots].sort((a, b) => a - b)).toEqual(roots);
    }
    expect(harmonicBalanceRoots(1.5, 0.5)).toHaveLength(3);
    expect(harmonicBalanceRoots(0.8, 0.02)).toHaveLength(1);
    // Weak drive: the cubic term is negligible, so harmonic balance, the linear law and the simulation agree.
    expect(harmonicBalanceRoots(0.8, 0.01)[0] / duffingAmplitude(0.8, 0.01)).toBeCloseTo(1, 3);
    expect(harmonicBalanceRoots(0.8, 0.01, 0.2, 1, 0)[0] / linearAmplitude(0.8, 0.01)).toBeCloseTo(1, 9);
  });
});

describe("tensile-cyclic", () => {
  it("yields, hardens, unloads elastically from the maximum strain and re-joins the hardening curve", () => {
    const strains = [0.001, 0.00125, 0.01, 0.03, 0.029, 0.0286, 0.03, 0.04];
    const s = elastoplasticPath(strains);
    const backbone = (e: number) => YIELD_MPA + TANGENT_MPA * (e - YIELD_MPA / YOUNG_MPA);
    expect(s[0]).toBeCloseTo(200, 9);
    expect(s[1]).toBeCloseTo(250, 9);
    expect(s[2]).toBeCloseTo(backbone(0.01), 6);
    expect(s[3]).toBeCloseTo(backbone(0.03), 6);
    expect(s[4]).toBeCloseTo(backbone(0.03) - YOUNG_MPA * 0.001, 6);
    expect(s[5]).toBeCloseTo(backbone(0.03) - YOUNG_MPA * 0.0014, 6);
    expect(s[6]).toBeCloseTo(backbone(0.03), 6);
    expect(s[7]).toBeCloseTo(backbone(0.04), 6);
  });
});
