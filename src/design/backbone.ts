/**
 * An idealised Cα trace built from a predicted secondary structure, by placing each Cα from the previous
 * three with a virtual bond length, bond angle and dihedral (natural-extension reference frame).
 * Internal coordinates are derived from ideal geometry rather than tabulated:
 *   helix: rise 1.5 Å and 100° per residue on a 2.3 Å radius (α-helix, Pauling & Corey 1951) → 3.83 Å bonds;
 *   strand: 3.3 Å per residue along the strand with a ±0.95 Å zigzag → 3.81 Å bonds, planar;
coil: 3.8 Å bonds, angle 85–125° and any dihedral, drawn from a generator seeded by the residue and its two
 *   neighbours, so the same sequence always gives the same trace (and `jitter` perturbs coil angles for replicas).
 */
import { Rng } from "./rng.js";

interface Internal { bond: number; angle: number; dihedral: number }

function sub(a: number[], b: number[]): number[] { return [a[0] - b[0], a[1] - b[1], a[2] - b[2]]; }
function cross(a: number[], b: number[]): number[] { return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]; }
function dot(a: number[], b: number[]): number { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
function unit(a: number[]): number[] { const l = Math.hypot(a[0], a[1], a[2]); return [a[0] / l, a[1] / l, a[2] / l]; }

/** Bond angle at b (radians) of the points a-b-c. */
export function bondAngle(a: number[], b: number[], c: number[]): number {
  const u = unit(sub(a, b));
  const v = unit(sub(c, b));
  return Math.acos(Math.max(-1, Math.min(1, dot(u, v))));
}

/** Dihedral angle (radians) of the points a-b-c-d. */
export function dihedral(a: number[], b: number[], c: number[], d: number[]): number {
  const b1 = sub(b, a), b2 = sub(c, b), b3 = sub(d, c);
  const n1 = cross(b1, b2), n2 = cross(b2, b3);
  const m1 = cross(n1, unit(b2));
  return Math.atan2(dot(m1, n2), dot(n1, n2));
}

function internalFromPoints(p: number[][]): Internal {
  return { bond: Math.hypot(...sub(p[3], p[2])), angle: bondAngle(p[1], p[2], p[3]), dihedral: dihedral(p[0], p[1], p[2], p[3]) };
}

const HELIX: Internal = internalFromPoints([0, 1, 2, 3].map((k) => {
  const w = (100 * Math.PI / 180) * k;
  return [2.3 * Math.cos(w), 2.3 * Math.sin(w), 1.5 * k];
}));
const STRAND: Internal = internalFromPoints([0, 1, 2, 3].map((k) => [3.3 * k, k % 2 === 0 ? 0.95 : -0.95, 0]));

/** Place d from a, b, c with bond |cd|, angle b-c-d and dihedral a-b-c-d. */
function place(a: number[], b: number[], c: number[], t: Internal): number[] {
  const bc = unit(sub(c, b));
  const n = unit(cross(sub(b, a), bc));
  const m = cross(n, bc);
  const x = -t.bond * Math.cos(t.angle);
  const y = t.bond * Math.sin(t.angle) * Math.cos(t.dihedral);
  const z = t.bond * Math.sin(t.angle) * Math.sin(t.dihedral);
  return [c[0] + x * bc[0] + y * m[0] + z * n[0], c[1] + x * bc[1] + y * m[1] + z * n[1], c[2] + x * bc[2] + y * m[2] + z * n[2]];
}

/** Coil angles of residue i depend only on residues i−1, i, i+1, so a mutation reshapes the trace locally. */
function coilAngles(sequence: string, i: number): [number, number] {
  let h = 2166136261;
  for (let k = i - 1; k <= i + 1; k++) h = Math.imul(h ^ (sequence.charCodeAt(k) || 0x2d), 16777619) >>> 0;
  const r = new Rng(h);
  return [85 + 40 * r.next(), -180 + 360 * r.next()];
}

/**
 * Builds Cα coordinates (x0 y0 z0 x1 …, Å) for a sequence and its H/E/C states. `jitter` (radians, default 0)
 * adds seeded noise to the coil angles, giving stochastic replicas of the same design.
 */
export function buildBackbone(sequence: string, states: string, options: { jitter?: number; seed?: number } = {}): Float64Array {
  const n = sequence.length;
  const noise = new Rng(options.seed ?? 0);
  const jitter = options.jitter ?? 0;
  const pts: number[][] = [];
  const seedPts = [[0, 0, 0], [3.8, 0, 0], [3.8 + 3.8 * Math.cos(Math.PI - 1.9), 3.8 * Math.sin(Math.PI - 1.9), 0]];
  for (let i = 0; i < n; i++) {
    if (i < 3) { pts.push(seedPts[i]); continue; }
    const [ca, cd] = coilAngles(sequence, i);
    const s = states[i];
    let t: Internal;
    if (s === "H" && states[i - 1] === "H") t = HELIX;
    else if (s === "E" && states[i - 1] === "E") t = STRAND;
    else t = { bond: 3.8, angle: (ca * Math.PI) / 180, dihedral: (cd * Math.PI) / 180 };
    if (jitter > 0 && !(s === "H" && states[i - 1] === "H") && !(s === "E" && states[i - 1] === "E")) {
      t = { bond: t.bond, angle: t.angle + jitter * 0.3 * noise.normal(), dihedral: t.dihedral + jitter * noise.normal() };
    }
    pts.push(place(pts[i - 3], pts[i - 2], pts[i - 1], t));
  }
  const out = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) { out[3 * i] = pts[i][0]; out[3 * i + 1] = pts[i][1]; out[3 * i + 2] = pts[i][2]; }
  return out;
}
