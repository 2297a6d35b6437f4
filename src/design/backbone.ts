/**
 * An idealised Cα trace built from a predicted secondary structure.
 *   helix: rise 1.5 Å and 100° per residue on a 2.3 Å radius (α-helix, Pauling & Corey 1951) → 3.83 Å bonds;
 *   strand: 3.3 Å per residue along the strand with a ±0.95 Å zigzag → 3.81 Å bonds;
 *   elements are packed antiparallel on a square spiral (see buildBackbone); loops follow arcs between element
 *   ends; terminal and all-coil chains are grown with 3.8 Å virtual bonds, angle and dihedral from a narrow
 *   residue-dependent band (natural-extension reference frame), deterministic for a given sequence.
 */
import { Rng } from "../random/index.js";

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

/**
 * Coil virtual-bond angle and dihedral (degrees) of residue i, from its amino acid and its successor's: a band
 * around the extended/polyproline region (angle ≈ 110°, dihedral ≈ −110°), with glycine and proline as the
 * classical turn formers (dihedral ≈ +60°/−70°). A narrow band keeps the trace — and the modes — a smooth
 * function of the sequence, so one mutation moves the structure a little rather than reshuffling it.
 */
function coilAngles(sequence: string, i: number): [number, number] {
  const a = sequence.charCodeAt(i);
  const b = sequence.charCodeAt(i + 1) || 0x41;
  const h = ((Math.imul(a, 2654435761) ^ Math.imul(b, 40503)) >>> 0) / 4294967296;
  const g = ((Math.imul(a, 2246822519) + Math.imul(b, 3266489917)) >>> 0) / 4294967296;
  const aa = sequence[i];
  if (aa === "G") return [95 + 10 * g, 60 + 30 * (h - 0.5)];
  if (aa === "P") return [110 + 10 * g, -70 + 20 * (h - 0.5)];
  return [105 + 15 * g, -110 + 60 * (h - 0.5)];
}

interface SsElement { state: "H" | "E"; start: number; end: number }

function ssElements(states: string): SsElement[] {
  const out: SsElement[] = [];
  let i = 0;
  while (i < states.length) {
    const st = states[i];
    let j = i;
    while (j < states.length && states[j] === st) j++;
    if (st === "H" || st === "E") out.push({ state: st, start: i, end: j });
    i = j;
  }
  return out;
}

/** Grid cell (Å) between neighbouring element axes: between the 4.8 Å of paired strands and 10 Å of packed helices. */
const CELL = 8;

/** Positions of a square spiral on the grid: 0,0 then 1,0, 1,1, 0,1, -1,1, … */
function spiral(k: number): [number, number] {
  let x = 0, y = 0, dx = 1, dy = 0, leg = 1, taken = 0, turns = 0;
  for (let i = 0; i < k; i++) {
    x += dx; y += dy; taken++;
    if (taken === leg) { taken = 0; [dx, dy] = [-dy, dx]; turns++; if (turns % 2 === 0) leg++; }
  }
  return [x, y];
}

/** Small deterministic offset (Å) of a coil residue from its amino acid and position. */
function coilOffset(sequence: string, i: number): number[] {
  const h = Math.imul(sequence.charCodeAt(i) * 97 + i, 2654435761) >>> 0;
  const r = new Rng(h);
  return [r.next() - 0.5, r.next() - 0.5, r.next() - 0.5];
}

/**
 * Builds Cα coordinates (x0 y0 z0 x1 …, Å) for a sequence and its H/E/C states as an idealised compact fold:
 * helices and strands are ideal rods (geometry above), laid antiparallel on a square spiral of 8 Å cells, so
 * consecutive elements pack side by side as in a meander; loops run along a bulging arc between the element
 * ends; terminal coils and chains without any element follow the coil internal coordinates. `jitter` (Å,
 * default 0) adds seeded Gaussian noise to every coordinate, giving stochastic replicas of one design.
 */
export function buildBackbone(sequence: string, states: string, options: { jitter?: number; seed?: number } = {}): Float64Array {
  const n = sequence.length;
  const pos: (number[] | null)[] = new Array(n).fill(null);
  const elements = ssElements(states);
  elements.forEach((e, k) => {
    const [gx, gy] = spiral(k);
    const dir = k % 2 === 0 ? 1 : -1;
    const len = e.end - e.start;
    for (let j = 0; j < len; j++) {
      const t = j - (len - 1) / 2;
      if (e.state === "H") {
        const w = (100 * Math.PI / 180) * j;
        pos[e.start + j] = [gx * CELL + 2.3 * Math.cos(w), gy * CELL + 2.3 * Math.sin(w), dir * 1.5 * t];
      } else {
        pos[e.start + j] = [gx * CELL + (j % 2 === 0 ? 0.95 : -0.95), gy * CELL, dir * 3.3 * t];
      }
    }
  });
  // Loops between elements: a parabolic arc from one end to the next, bulging away from the fold along z.
  for (let k = 1; k < elements.length; k++) {
    const a = pos[elements[k - 1].end - 1]!;
    const b = pos[elements[k].start]!;
    const gap = elements[k].start - elements[k - 1].end;
    const out = a[2] >= 0 ? 1 : -1;
    for (let j = 1; j <= gap; j++) {
      const t = j / (gap + 1);
      const bulge = 4 * t * (1 - t) * Math.min(12, 1.5 * gap);
      const off = coilOffset(sequence, elements[k - 1].end + j - 1);
      pos[elements[k - 1].end + j - 1] = [a[0] + t * (b[0] - a[0]) + off[0], a[1] + t * (b[1] - a[1]) + off[1], a[2] + t * (b[2] - a[2]) + out * bulge + off[2]];
    }
  }
  if (elements.length === 0) {
    const chain = coilChain(sequence, 0, n);
    chain.forEach((p, i) => { pos[i] = p; });
  } else {
    // Terminal coils grow outward from the first and last element by the coil internal coordinates.
    const first = elements[0].start;
    if (first > 0) {
      const seed3 = [pos[first + 2]!, pos[first + 1]!, pos[first]!];
      const tail = growFrom(sequence, seed3, Array.from({ length: first }, (_, j) => first - 1 - j));
      tail.forEach(([i, p]) => { pos[i] = p; });
    }
    const last = elements[elements.length - 1].end - 1;
    if (last < n - 1) {
      const seed3 = [pos[last - 2]!, pos[last - 1]!, pos[last]!];
      const tail = growFrom(sequence, seed3, Array.from({ length: n - 1 - last }, (_, j) => last + 1 + j));
      tail.forEach(([i, p]) => { pos[i] = p; });
    }
  }
  const out = new Float64Array(3 * n);
  const noise = new Rng(options.seed ?? 0);
  const jitter = options.jitter ?? 0;
  for (let i = 0; i < n; i++) {
    const p = pos[i]!;
    for (let c = 0; c < 3; c++) out[3 * i + c] = p[c] + (jitter > 0 ? jitter * noise.normal() : 0);
  }
  return out;
}

/** Places residues `order` one after another from three anchor points, with coil internal coordinates. */
function growFrom(sequence: string, anchor: number[][], order: number[]): [number, number[]][] {
  const pts = [...anchor];
  const placed: [number, number[]][] = [];
  for (const i of order) {
    const [ang, dih] = coilAngles(sequence, i);
    const p = place(pts[pts.length - 3], pts[pts.length - 2], pts[pts.length - 1], { bond: 3.8, angle: (ang * Math.PI) / 180, dihedral: (dih * Math.PI) / 180 });
    pts.push(p);
    placed.push([i, p]);
  }
  return placed;
}

/** A chain of coil residues [from, to) built from scratch. */
function coilChain(sequence: string, from: number, to: number): number[][] {
  const start = [[0, 0, 0], [3.8, 0, 0], [3.8 + 3.8 * Math.cos(Math.PI - 1.9), 3.8 * Math.sin(Math.PI - 1.9), 0]];
  const pts: number[][] = [];
  for (let i = from; i < Math.min(to, from + 3); i++) pts.push(start[i - from]);
  if (to - from > 3) {
    for (const [, p] of growFrom(sequence, pts.slice(0, 3), Array.from({ length: to - from - 3 }, (_, j) => from + 3 + j))) pts.push(p);
  }
  return pts;
}
