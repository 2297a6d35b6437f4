#!/usr/bin/env node
// Determinism table for restructurings: the final law and bits of `discover` on every built-in world
// (seeds 1–3) and of `explain` on generated Feynman problems, under fixed evaluation budgets and one
// thread, so that two builds of the project can be compared law for law. It drives the CLI only (the
// stable contract), so it runs unchanged against any version of the project.
//
//   node bench/determinism.mjs [--cli bin/worldbreaker.js] [--out table.json] [--compare bench/determinism-before.json]
//                              [--worlds double-slit,blackbody] [--problems I.12.11,I.10.7]  (subsets; "" for none)
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const cli = resolve(flag("cli", "bin/worldbreaker.js"));
const out = flag("out");
const compare = flag("compare");
const worlds = flag("worlds", "double-slit,blackbody,polymer-stretching,protein-unfolding,duffing,tensile-cyclic").split(",").filter(Boolean);
const only = flag("problems");
const seeds = [1, 2, 3];

// Six Feynman laws, sampled with a fixed linear congruential generator so that every version sees the same rows.
const problems = [
  { id: "I.6.2a", vars: ["theta"], law: (v) => Math.exp(-(v.theta ** 2) / 2) / Math.sqrt(2 * Math.PI), lo: 1, hi: 3 },
  { id: "I.12.1", vars: ["mu", "Nn"], law: (v) => v.mu * v.Nn, lo: 1, hi: 5 },
  { id: "I.14.3", vars: ["m", "g", "z"], law: (v) => v.m * v.g * v.z, lo: 1, hi: 5 },
  { id: "I.12.11", vars: ["q", "Ef", "B", "v", "theta"], law: (v) => v.q * (v.Ef + v.B * v.v * Math.sin(v.theta)), lo: 1, hi: 5 },
  { id: "I.10.7", vars: ["m0", "v", "c"], law: (v) => v.m0 / Math.sqrt(1 - (v.v ** 2) / (v.c ** 2)), lo: 1, hi: 5, fix: (v) => { v.c = v.c + 5; } },
  { id: "I.29.4", vars: ["omega", "c"], law: (v) => v.omega / v.c, lo: 1, hi: 10 },
  // Laws the fast paths do not reach, so the island search decides them.
  { id: "I.18.4", vars: ["m1", "m2", "r1", "r2"], law: (v) => (v.m1 * v.r1 + v.m2 * v.r2) / (v.m1 + v.m2), lo: 1, hi: 5 },
  { id: "I.37.4", vars: ["I1", "I2", "delta"], law: (v) => v.I1 + v.I2 + 2 * Math.sqrt(v.I1 * v.I2) * Math.cos(v.delta), lo: 1, hi: 5 },
  { id: "I.50.26", vars: ["x1", "omega", "t", "alpha"], law: (v) => v.x1 * (Math.cos(v.omega * v.t) + v.alpha * Math.cos(v.omega * v.t) ** 2), lo: 1, hi: 3 },
  { id: "II.11.27", vars: ["n", "alpha", "epsilon", "Ef"], law: (v) => ((v.n * v.alpha) / (1 - (v.n * v.alpha) / 3)) * v.epsilon * v.Ef, lo: 0, hi: 1 },
  { id: "I.39.22", vars: ["n", "T", "V", "kb"], law: (v) => (v.n * v.kb * v.T) / v.V, lo: 1, hi: 5 },
  { id: "I.24.6", vars: ["m", "omega", "omega0", "x"], law: (v) => (v.m * (v.omega ** 2 + v.omega0 ** 2) * v.x ** 2) / 4, lo: 1, hi: 3 },
];

function csvFor(problem, rows = 300) {
  let state = 12345;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const lines = [[...problem.vars, "y"].join(",")];
  for (let r = 0; r < rows; r++) {
    const v = {};
    for (const name of problem.vars) v[name] = problem.lo + (problem.hi - problem.lo) * next();
    problem.fix?.(v);
    lines.push([...problem.vars.map((n) => v[n]), problem.law(v)].map((x) => x.toPrecision(17)).join(","));
  }
  return lines.join("\n") + "\n";
}

function runJson(argv) {
  const text = execFileSync(process.execPath, [cli, ...argv], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 1 << 28 });
  return JSON.parse(text);
}

const dir = mkdtempSync(join(tmpdir(), "wb-determinism-"));
const table = { discover: [], explain: [] };
for (const world of worlds) {
  for (const seed of seeds) {
    const t0 = Date.now();
    const r = runJson(["discover", world, "--seed", String(seed), "--threads", "1", "--evaluations", "4000", "--time", "600", "--store", join(dir, "runs"), "--json"]);
    table.discover.push({ world, seed, finalLaw: r.finalLaw, bits: r.bits, r2: r.r2, queries: r.queries, rounds: r.rounds.length });
    process.stderr.write(`discover ${world} seed ${seed}: ${r.finalLaw} (${r.bits} bits, ${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
  }
}
for (const p of problems.filter((q) => !only || only.split(",").includes(q.id))) {
  const file = join(dir, `${p.id}.csv`);
  writeFileSync(file, csvFor(p));
  for (const seed of seeds) {
    const r = runJson(["explain", file, "--target", "y", "--seed", String(seed), "--threads", "1", "--evaluations", "20000", "--time", "600", "--json"]);
    table.explain.push({ problem: p.id, seed, law: r.law, bits: r.bits.total, r2: r.r2, evaluations: r.evaluations });
    process.stderr.write(`explain ${p.id} seed ${seed}: ${r.law} (${r.bits.total} bits)\n`);
  }
}
if (out) writeFileSync(out, JSON.stringify(table, null, 2) + "\n");
else process.stdout.write(JSON.stringify(table, null, 2) + "\n");

if (compare) {
  const base = JSON.parse(readFileSync(compare, "utf8"));
  let same = 0;
  const differ = [];
  const key = (e) => JSON.stringify(e);
  const after = new Map([...table.discover.map((a) => [`discover ${a.world} seed ${a.seed}`, a]), ...table.explain.map((a) => [`explain ${a.problem} seed ${a.seed}`, a])]);
  const pairs = [
    ...base.discover.map((b) => [`discover ${b.world} seed ${b.seed}`, b]),
    ...base.explain.map((b) => [`explain ${b.problem} seed ${b.seed}`, b]),
  ].filter(([name]) => after.has(name));
  for (const [name, b] of pairs) {
    const a = after.get(name);
    if (key(a) === key(b)) same++;
    else differ.push(`${name}:\n  before ${b.finalLaw ?? b.law} (${b.bits} bits)\n  after  ${a.finalLaw ?? a.law} (${a.bits} bits)`);
  }
  process.stderr.write(`${same} of ${pairs.length} identical\n${differ.join("\n")}\n`);
  process.exitCode = differ.length ? 1 : 0;
}
