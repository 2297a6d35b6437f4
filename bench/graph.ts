/**
 * `npm run bench -- graph [--quick]`: planted analogies (precision, recall and time of the recovered
 * mapping against degree-sorted and signature-greedy baselines on the same instances) and offline
 * extraction throughput on about 1 MB of text against the bare NLP pass (tokens, tags, sentences).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { findAnalogies } from "../src/graph/analogy.js";
import { addExtraction, emptyGraph } from "../src/graph/concept-graph.js";
import { extractOffline } from "../src/graph/extract-offline.js";
import { winkEnglishModel, winkNLP } from "../src/graph/libs.js";
import { degreeSortedMapping, mappingAccuracy, plantedInstance, PLANTED_RELATIONS, type PlantedInstance } from "../src/graph/planted.js";
import { toPlainProse, countWords } from "../src/graph/plain-text.js";
import { Rng } from "../src/random/index.js";
import { nodeSignatures, similarCandidates } from "../src/graph/signatures.js";
import { ClassDictionary, toTypedGraph } from "../src/graph/typed-graph.js";

const f3 = (x: number) => x.toFixed(3);

/** Pairs each node of A with its most similar free node of B by signature alone, best similarities first. */
function signatureGreedy(inst: PlantedInstance, k: number): Array<{ a: string; b: string }> {
  const dict = new ClassDictionary();
  const kinds = ["relation", "hierarchy"] as const;
  const ta = toTypedGraph(inst.a, dict, { kinds });
  const tb = toTypedGraph(inst.b, dict, { kinds });
  const cands = similarCandidates(nodeSignatures(ta), nodeSignatures(tb), 4)
    .flatMap((list, a) => list.map((c) => ({ a, b: c.node, sim: c.sim })))
    .sort((p, q) => q.sim - p.sim || p.a - q.a || p.b - q.b);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: Array<{ a: string; b: string }> = [];
  for (const c of cands) {
    if (out.length >= k) break;
    if (usedA.has(c.a) || usedB.has(c.b)) continue;
    usedA.add(c.a);
    usedB.add(c.b);
    out.push({ a: ta.keys[c.a], b: tb.keys[c.b] });
  }
  return out;
}

/** Truth pairs whose copy keeps at least two edges inside the copy: what a two-edge rule can confirm. */
function recoverable(inst: PlantedInstance): number {
  const deg = new Map<string, number>();
  inst.a.forEachEdge((_e, _x, s, t) => {
    if (inst.truth.has(s) && inst.truth.has(t)) {
      deg.set(s, (deg.get(s) ?? 0) + 1);
      deg.set(t, (deg.get(t) ?? 0) + 1);
    }
  });
  return [...deg.values()].filter((d) => d >= 2).length / inst.truth.size;
}

function f1(p: number, r: number): number {
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

async function plantedBench(quick: boolean): Promise<void> {
  const sizes = quick ? [[300, 60, 90]] : [[500, 100, 150], [2000, 300, 600], [5000, 600, 1500]];
  const seeds = quick ? [1, 2] : [1, 2, 3];
  process.stdout.write("### Planted analogies\n\n");
  process.stdout.write("noise: 10% of copied edges dropped, 5% spurious edges added, 5% relations retyped; 8 relation types; A = noisy copy + unrelated nodes attached to it\n\n");
  process.stdout.write("| B nodes / edges | A nodes / edges | planted | recoverable | ours P | ours R | ours F1 | time (s) | degree-sorted P / R | signature-greedy P / R | F1 vs signature-greedy |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (const [nodesB, planted, extraA] of sizes) {
    const acc = { p: 0, r: 0, t: 0, dp: 0, dr: 0, sp: 0, sr: 0, rec: 0, ae: 0, be: 0, an: 0 };
    for (const seed of seeds) {
      const inst = plantedInstance({ nodesB, planted, extraA, attach: 3, relations: PLANTED_RELATIONS, drop: 0.1, add: 0.05, retype: 0.05, seed });
      const t0 = performance.now();
      const [best] = findAnalogies(inst.a, inst.b, { top: 1 });
      acc.t += (performance.now() - t0) / 1000;
      const ours = mappingAccuracy(best?.pairs ?? [], inst.truth);
      const deg = mappingAccuracy(degreeSortedMapping(inst.a, inst.b, inst.truth.size), inst.truth);
      const sig = mappingAccuracy(signatureGreedy(inst, inst.truth.size), inst.truth);
      acc.p += ours.precision;
      acc.r += ours.recall;
      acc.dp += deg.precision;
      acc.dr += deg.recall;
      acc.sp += sig.precision;
      acc.sr += sig.recall;
      acc.rec += recoverable(inst);
      acc.ae += inst.a.size;
      acc.be += inst.b.size;
      acc.an += inst.a.order;
      process.stderr.write(`planted ${nodesB} seed ${seed}: P ${f3(ours.precision)} R ${f3(ours.recall)} in ${((performance.now() - t0) / 1000).toFixed(2)} s\n`);
    }
    const n = seeds.length;
    const [p, r, sp, sr] = [acc.p / n, acc.r / n, acc.sp / n, acc.sr / n];
    const ratio = f1(sp, sr) > 0 ? `${(f1(p, r) / f1(sp, sr)).toFixed(1)}×` : "baseline F1 = 0";
    process.stdout.write(
      `| ${nodesB} / ${Math.round(acc.be / n)} | ${Math.round(acc.an / n)} / ${Math.round(acc.ae / n)} | ${planted} | ${f3(acc.rec / n)} | ${f3(p)} | ${f3(r)} | ${f3(f1(p, r))} | ${(acc.t / n).toFixed(2)} | ${f3(acc.dp / n)} / ${f3(acc.dr / n)} | ${f3(sp)} / ${f3(sr)} | ${ratio} |\n`,
    );
  }
  process.stdout.write(`\n(means over seeds ${seeds.join(", ")}; recoverable = share of planted nodes with at least two edges inside the noisy copy)\n\n`);
}

function corpusText(): string[] {
  const root = resolve("test/fixtures/graph/corpus");
  const paragraphs: string[] = [];
  for (const domain of readdirSync(root).sort()) {
    for (const f of readdirSync(join(root, domain)).sort()) {
      for (const p of readFileSync(join(root, domain, f), "utf8").split(/\n\s*\n/)) if (!p.startsWith("#") && p.trim()) paragraphs.push(p.trim());
    }
  }
  return paragraphs;
}

async function extractionBench(quick: boolean): Promise<void> {
  const targetBytes = quick ? 200_000 : 1_000_000;
  const paragraphs = corpusText();
  const rng = new Rng(11);
  const docs: string[] = [];
  let doc = "";
  let total = 0;
  while (total < targetBytes) {
    const p = rng.pick(paragraphs);
    doc += p + "\n\n";
    total += p.length + 2;
    if (doc.length >= 50_000) {
      docs.push(doc);
      doc = "";
    }
  }
  if (doc) docs.push(doc);
  const words = docs.reduce((s, d) => s + countWords(d), 0);
  process.stdout.write(`### Offline extraction\n\n${(total / 1e6).toFixed(2)} MB of corpus paragraphs in seeded random order, ${docs.length} documents, ${words} words\n\n`);

  const nlp = winkNLP(winkEnglishModel);
  let t0 = performance.now();
  let sentences = 0;
  for (const d of docs) {
    const parsed = nlp.readDoc(toPlainProse(d));
    parsed.sentences().each(() => (sentences += 1));
    parsed.tokens().out(nlp.its.pos);
  }
  const bare = (performance.now() - t0) / 1000;

  t0 = performance.now();
  const extractions = docs.map((d, i) => extractOffline(`doc${i}.md`, d));
  const extract = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const g = emptyGraph("bench");
  for (const e of extractions) addExtraction(g, e);
  const build = (performance.now() - t0) / 1000;

  process.stdout.write("| stage | seconds | words/s |\n|---|---|---|\n");
  process.stdout.write(`| baseline: wink-nlp tokens, POS tags, sentences | ${bare.toFixed(2)} | ${Math.round(words / bare)} |\n`);
  process.stdout.write(`| extraction (phrases, relations, co-occurrence) | ${extract.toFixed(2)} | ${Math.round(words / extract)} |\n`);
  process.stdout.write(`| graph build (merge into graphology) | ${build.toFixed(2)} | ${Math.round(words / build)} |\n`);
  process.stdout.write(`| extraction + build | ${(extract + build).toFixed(2)} | ${Math.round(words / (extract + build))} |\n\n`);
  process.stdout.write(`extraction costs ${(extract / bare).toFixed(2)}× the bare NLP pass; graph: ${g.order} concepts, ${g.size} edges from ${sentences} sentences\n\n`);
}

/** Runs the graph benchmarks; `--quick` shrinks them for a smoke run. */
export async function run(args: string[]): Promise<void> {
  const quick = args.includes("--quick");
  await plantedBench(quick);
  await extractionBench(quick);
}
