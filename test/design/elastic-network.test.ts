import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { anmHessian, anmModes, gnmBfactors, kirchhoff, pearson } from "../../src/design/elastic-network.js";
import { parsePdb } from "../../src/design/pdb.js";
import { Rng } from "../../src/random/index.js";
import { symmetricEigen } from "../../src/design/symmetric-eigen.js";

const PDB = "data/pdb";

describe("symmetric eigensolver", () => {
  it("decomposes random symmetric matrices to machine precision", () => {
    for (const n of [1, 2, 5, 40]) {
      const rng = new Rng(n);
      const a = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) { const v = rng.normal(); a[i * n + j] = v; a[j * n + i] = v; }
      const { values, vectors } = symmetricEigen(a, n);
      for (let k = 0; k < n; k++) {
        if (k > 0) expect(values[k]).toBeGreaterThanOrEqual(values[k - 1]);
        let norm = 0;
        for (let i = 0; i < n; i++) {
          let s = 0;
          for (let j = 0; j < n; j++) s += a[i * n + j] * vectors[k][j];
          expect(s).toBeCloseTo(values[k] * vectors[k][i], 10);
          norm += vectors[k][i] ** 2;
        }
        expect(norm).toBeCloseTo(1, 12);
      }
    }
  });
  it("finds the known spectrum of a path-graph Laplacian", () => {
    // Laplacian of a path of n nodes: eigenvalues 2 − 2 cos(kπ/n).
    const n = 7;
    const K = kirchhoff(Float64Array.from({ length: 3 * n }, (_, i) => (i % 3 === 0 ? 3.8 * (i / 3) : 0)), 4);
    const { values } = symmetricEigen(K, n);
    for (let k = 0; k < n; k++) expect(values[k]).toBeCloseTo(2 - 2 * Math.cos((k * Math.PI) / n), 10);
  });
});

describe("anisotropic network model", () => {
  it("two beads: five zero modes and one stretching mode of eigenvalue 2γ", () => {
    const { values } = symmetricEigen(anmHessian([0, 0, 0, 3.8, 0, 0]), 6);
    for (let k = 0; k < 5; k++) expect(values[k]).toBeCloseTo(0, 12);
    expect(values[5]).toBeCloseTo(2, 12);
  });
  it("equilateral triangle: six zero modes, then 3/2, 3/2 and the breathing mode 3", () => {
    const h = Math.sqrt(3) / 2 * 3.8;
    const { values } = symmetricEigen(anmHessian([0, 0, 0, 3.8, 0, 0, 1.9, h, 0]), 9);
    for (let k = 0; k < 6; k++) expect(values[k]).toBeCloseTo(0, 12);
    expect(values[6]).toBeCloseTo(1.5, 12);
    expect(values[7]).toBeCloseTo(1.5, 12);
    expect(values[8]).toBeCloseTo(3, 12);
  });
  it("a real protein has exactly six zero modes (rigid body) and unit-max amplitudes", () => {
    const [c] = parsePdb(readFileSync(`${PDB}/1crn.pdb`, "utf8"), "1crn");
    const m = anmModes(c.coords);
    const scale = m.eigenvalues[m.eigenvalues.length - 1];
    for (let k = 0; k < 6; k++) expect(Math.abs(m.eigenvalues[k]) / scale).toBeLessThan(1e-10);
    expect(m.eigenvalues[6] / scale).toBeGreaterThan(1e-4);
    expect(m.amplitudes).toHaveLength(3);
    for (const a of m.amplitudes) expect(Math.max(...a)).toBeCloseTo(1, 12);
  });
});

describe("Gaussian network model", () => {
  it("correlates with crystal B-factors of ubiquitin (r > 0.6) and of small proteins (r > 0.5)", () => {
    for (const [id, min] of [["1ubq", 0.6], ["2ci2", 0.5], ["1crn", 0.5], ["1hel", 0.5]] as const) {
      const [c] = parsePdb(readFileSync(`${PDB}/${id}.pdb`, "utf8"), id);
      expect(pearson(gnmBfactors(c.coords), c.bfactors), id).toBeGreaterThan(min);
    }
  });
  it("ANM mean-square fluctuations also follow the crystal B-factors of ubiquitin", () => {
    const [c] = parsePdb(readFileSync(`${PDB}/1ubq.pdb`, "utf8"), "1ubq");
    const n = c.sequence.length;
    const { values, vectors } = symmetricEigen(anmHessian(c.coords), 3 * n);
    const msf = new Float64Array(n);
    for (let k = 6; k < 3 * n; k++) for (let i = 0; i < n; i++) msf[i] += (vectors[k][3 * i] ** 2 + vectors[k][3 * i + 1] ** 2 + vectors[k][3 * i + 2] ** 2) / values[k];
    expect(pearson(msf, c.bfactors)).toBeGreaterThan(0.5);
  });
});
