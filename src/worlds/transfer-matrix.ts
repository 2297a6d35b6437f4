/**
 * Force–extension of a discrete worm-like chain (DWLC) by the transfer-matrix method, in the
 * thermodynamic limit (long chain, ends neglected).
 *
 * The chain is N bonds of length b with unit tangents t_i; energy/kT = −A Σ t_i·t_{i+1} − f Σ t_i·ẑ with
 * f = F b / kT. Integrating the azimuth analytically leaves a kernel on u = cos θ:
 *   K(u, u') = 2π exp(A u u') I0(A √(1−u²) √(1−u'²)),
 * discretised on Gauss–Legendre nodes and symmetrised with the force factor split between both sides.
 * The largest eigenvalue Λ(f) of that operator gives the free energy per bond, and by Hellmann–Feynman
 * the mean extension per bond is ⟨u⟩ = Σ v_i² u_i for the normalised leading eigenvector v. The leading
 * eigenpair is found by Lanczos with full reorthogonalisation (the spectral gap is only ~ b/P at low
 * force, so plain power iteration would be slow). References: Kierfeld et al., Eur. Phys. J. E 14, 17
 * (2004) (discrete WLC transfer matrix); continuum limit: Marko & Siggia,
 * Macromolecules 28, 8759 (1995).
 */

/** Gauss–Legendre nodes and weights on [−1, 1] (Newton iteration on P_n; accurate to machine precision). */
export function gaussLegendre(n: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-15) break;
    }
    nodes[i] = x;
    nodes[n - 1 - i] = -x;
    weights[i] = weights[n - 1 - i] = 2 / ((1 - x * x) * dp * dp);
  }
  return { nodes, weights };
}

/** e^{−x} I0(x) for x ≥ 0 (Abramowitz & Stegun 9.8.1–9.8.2; relative error < 2e-7). */
export function besselI0Scaled(x: number): number {
  if (x < 3.75) {
    const t = (x / 3.75) ** 2;
    const i0 = 1 + t * (3.5156229 + t * (3.0899424 + t * (1.2067492 + t * (0.2659732 + t * (0.0360768 + t * 0.0045813)))));
    return i0 * Math.exp(-x);
  }
  const t = 3.75 / x;
  const p =
    0.39894228 + t * (0.01328592 + t * (0.00225319 + t * (-0.00157565 + t * (0.00916281 + t * (-0.02057706 + t * (0.02635537 + t * (-0.01647633 + t * 0.00392377)))))));
  return p / Math.sqrt(x);
}

/** Mean tangent correlation ⟨t_i·t_{i+1}⟩ = coth A − 1/A of a free discrete chain with coupling A. */
export function bondCorrelation(A: number): number {
  if (A < 1e-4) return A / 3;
  return 1 / Math.tanh(A) - 1 / A;
}

/** The coupling A whose bond correlation equals exp(−b/P) (persistence length P defined by exponential decay of tangent correlations). */
export function couplingForPersistence(bOverP: number): number {
  const target = Math.exp(-bOverP);
  let lo = 1e-6;
  let hi = 1e6;
  for (let i = 0; i < 200; i++) {
    const mid = Math.sqrt(lo * hi);
    if (bondCorrelation(mid) < target) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}

/** A DWLC of given coupling on an n-node grid; `extensionPerBond(f)` is ⟨u⟩ at reduced force f = F b / kT. */
export function createDwlc(A: number, n = 128): { extensionPerBond(f: number): number } {
  const { nodes, weights } = gaussLegendre(n);
  const sines = nodes.map((u) => Math.sqrt(Math.max(0, 1 - u * u)));
  // Force-free part of the symmetrised kernel, scaled by e^{−A} to stay finite for stiff chains.
  const base = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const z = A * sines[i] * sines[j];
      const k = Math.sqrt(weights[i] * weights[j]) * Math.exp(A * (nodes[i] * nodes[j] - 1) + z) * besselI0Scaled(z);
      base[i * n + j] = base[j * n + i] = k;
    }
  }
  const matrix = new Float64Array(n * n);
  return {
    extensionPerBond(f: number): number {
      // Force factor exp(f(u_i+u_j)/2 − f) ≤ 1 keeps every entry finite at any force.
      const half = new Float64Array(n);
      for (let i = 0; i < n; i++) half[i] = Math.exp((f * (nodes[i] - 1)) / 2);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) matrix[i * n + j] = base[i * n + j] * half[i] * half[j];
      const start = new Float64Array(n);
      for (let i = 0; i < n; i++) start[i] = Math.sqrt(weights[i]) * half[i] * half[i];
      const v = leadingEigenvector(matrix, n, start);
      let num = 0;
      let den = 0;
      for (let i = 0; i < n; i++) {
        num += v[i] * v[i] * nodes[i];
        den += v[i] * v[i];
      }
      return num / den;
    },
  };
}

/** Leading eigenvector of a symmetric n×n matrix by Lanczos with full reorthogonalisation. */
export function leadingEigenvector(m: Float64Array, n: number, start: Float64Array, maxSteps = 80): Float64Array {
  const steps = Math.min(maxSteps, n);
  const Q: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = [];
  let q = normalise(Float64Array.from(start));
  let prevTheta = NaN;
  let y: Float64Array = new Float64Array([1]);
  for (let k = 0; k < steps; k++) {
    Q.push(q);
    const w = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      const row = i * n;
      for (let j = 0; j < n; j++) s += m[row + j] * q[j];
      w[i] = s;
    }
    alpha.push(dot(w, q));
    for (const prev of Q) {
      const c = dot(w, prev);
      for (let i = 0; i < n; i++) w[i] -= c * prev[i];
    }
    const b = Math.sqrt(dot(w, w));
    const { value, vector } = tridiagonalTop(alpha, beta);
    y = vector;
    // Converged when the Ritz value settles or the Krylov space is exhausted.
    if (b < 1e-14 * Math.abs(value) || Math.abs(value - prevTheta) < 1e-15 * Math.abs(value)) break;
    prevTheta = value;
    beta.push(b);
    q = w.map((x) => x / b);
  }
  const v = new Float64Array(n);
  for (let k = 0; k < y.length; k++) for (let i = 0; i < n; i++) v[i] += y[k] * Q[k][i];
  return v;
}

/** Largest eigenvalue (Sturm bisection) and its eigenvector (inverse iteration) of a symmetric tridiagonal matrix. */
function tridiagonalTop(alpha: readonly number[], beta: readonly number[]): { value: number; vector: Float64Array } {
  const k = alpha.length;
  let bound = 0;
  for (let i = 0; i < k; i++) bound = Math.max(bound, Math.abs(alpha[i]) + (i > 0 ? Math.abs(beta[i - 1]) : 0) + (i < k - 1 ? Math.abs(beta[i]) : 0));
  // Count of eigenvalues below x via the Sturm sequence.
  const below = (x: number): number => {
    let count = 0;
    let d = 1;
    for (let i = 0; i < k; i++) {
      d = alpha[i] - x - (i > 0 ? (beta[i - 1] * beta[i - 1]) / d : 0);
      if (d === 0) d = 1e-300;
      if (d < 0) count++;
    }
    return count;
  };
  let lo = -bound;
  let hi = bound;
  for (let it = 0; it < 200 && hi - lo > 1e-16 * Math.max(1, Math.abs(hi)); it++) {
    const mid = (lo + hi) / 2;
    if (below(mid) < k) lo = mid;
    else hi = mid;
  }
  const value = hi;
  // Inverse iteration with a shift just above the eigenvalue (Thomas algorithm).
  let x: Float64Array = new Float64Array(k).fill(1);
  const shift = value + 1e-10 * Math.max(1, Math.abs(value));
  for (let it = 0; it < 3; it++) {
    const c = new Float64Array(k);
    const d = new Float64Array(k);
    let denom = alpha[0] - shift;
    c[0] = k > 1 ? beta[0] / denom : 0;
    d[0] = x[0] / denom;
    for (let i = 1; i < k; i++) {
      denom = alpha[i] - shift - beta[i - 1] * c[i - 1];
      if (denom === 0) denom = 1e-300;
      c[i] = i < k - 1 ? beta[i] / denom : 0;
      d[i] = (x[i] - beta[i - 1] * d[i - 1]) / denom;
    }
    const sol = new Float64Array(k);
    sol[k - 1] = d[k - 1];
    for (let i = k - 2; i >= 0; i--) sol[i] = d[i] - c[i] * sol[i + 1];
    x = normalise(sol);
  }
  return { value, vector: x };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function normalise(a: Float64Array): Float64Array {
  const s = Math.sqrt(dot(a, a));
  for (let i = 0; i < a.length; i++) a[i] /= s;
  return a;
}
