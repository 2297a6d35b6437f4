import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addExtraction, emptyGraph } from "../../src/graph/concept-graph.js";
import { extractOffline } from "../../src/graph/extract-offline.js";
import { matchConcept } from "../../src/graph/match.js";
import { formatPath, samplePath } from "../../src/graph/path.js";
import { writeGraphFile } from "../../src/graph/graph-files.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { runCli } from "../helpers/cli.js";

const CORPUS = "test/fixtures/graph/corpus";
const g = emptyGraph("both");
for (const d of ["music", "silk"]) for (const f of readdirSync(join(CORPUS, d)).sort()) addExtraction(g, extractOffline(`${d}/${f}`, readFileSync(join(CORPUS, d, f), "utf8")));

describe("concept matching and path sampling", () => {
  it("matches concepts by lemma, alias and abbreviation", () => {
    expect(matchConcept(g, "Beta-sheet nanocrystals")).toMatchObject({ key: "beta-sheet nanocrystal", how: "exact" });
    expect(matchConcept(g, "Lp")).toMatchObject({ key: "persistence length", how: "alias" });
    expect(matchConcept(g, "fibres")).toMatchObject({ key: "fiber" });
    expect(matchConcept(g, "nanocrystal stiffness").key).toMatch(/stiffness|nanocrystal/);
    expect(() => matchConcept(g, "quasar")).toThrow(/no concept matching 'quasar' in graph 'both' \(try one of: /);
  });

  it("samples a connected path whose printed form follows the graph's relations, deterministically by seed", () => {
    const p = samplePath(g, "hydrogen bonds", "melody", { seed: 5, waypoints: 2, randomness: 1 });
    expect(p.nodes[0]).toBe("hydrogen bond");
    expect(p.nodes.at(-1)).toBe("melody");
    expect(new Set(p.nodes).size).toBe(p.nodes.length);
    expect(p.steps).toHaveLength(p.nodes.length - 1);
    for (const st of p.steps) {
      const [s, t] = st.direction === "forward" ? [st.from, st.to] : [st.to, st.from];
      expect(g.edges(s, t).some((e) => g.getEdgeAttribute(e, "relation") === st.relation), `${s} ${st.relation} ${t}`).toBe(true);
    }
    const text = formatPath(p);
    expect(text).toMatch(/^hydrogen bond( (-\[[^\]]+\]->|<-\[[^\]]+\]-) [^-<][^]*?)+$/);
    expect(text.endsWith(" melody")).toBe(true);
    expect(formatPath(samplePath(g, "hydrogen bonds", "melody", { seed: 5, waypoints: 2, randomness: 1 }))).toBe(text);
    const variants = new Set([1, 2, 3, 4, 6, 7, 8].map((seed) => formatPath(samplePath(g, "hydrogen bonds", "melody", { seed, waypoints: 2, randomness: 1 }))));
    expect(variants.size).toBeGreaterThan(1);
  });

  it("prints the path on the command line, and JSON with --json", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-graph-path-"));
    writeGraphFile(g, "g.json", dir);
    const r = await runCli(["graph", "path", "g.json", "silk", "tension", "--seed", "3"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^silk (-\[[^\]]+\]->|<-\[[^\]]+\]-) .* tension\n$/);
    const j = await runCli(["graph", "path", "g.json", "silk", "tension", "--seed", "3", "--json"], { cwd: dir });
    const parsed = JSON.parse(j.stdout);
    expect(parsed.text + "\n").toBe(r.stdout);
    expect(parsed).toMatchObject({ from: "silk", to: "tension", seed: 3 });
    const bad = await runCli(["graph", "path", "g.json", "silk"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("graph path: give a graph and two concepts");
  });
});
