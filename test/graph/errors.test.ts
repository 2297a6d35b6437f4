import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addExtraction, emptyGraph } from "../../src/graph/concept-graph.js";
import { GraphError } from "../../src/graph/errors.js";
import { extractOffline } from "../../src/graph/extract-offline.js";
import { matchConcept } from "../../src/graph/match.js";
import { samplePathBetween, type PathOptions } from "../../src/graph/path.js";

const CORPUS = "test/fixtures/graph/corpus/silk";
const OPTS: PathOptions = { seed: 1, waypoints: 0, randomness: 0 };
const g = emptyGraph("silk");
for (const f of readdirSync(CORPUS).sort()) addExtraction(g, extractOffline(`silk/${f}`, readFileSync(join(CORPUS, f), "utf8")));

describe("graph queries fail with GraphError", () => {
  it("when no concept matches, naming the graph", () => {
    expect(() => matchConcept(g, "quasar")).toThrow(GraphError);
    expect(() => matchConcept(g, "quasar")).toThrow(/no concept matching 'quasar' in graph 'silk'/);
  });

  it("when both ends of a path are the same concept or not in the graph", () => {
    const key = matchConcept(g, "fibres").key;
    expect(() => samplePathBetween(g, key, key, OPTS, ["fibres", "fiber"])).toThrow(GraphError);
    expect(() => samplePathBetween(g, key, key, OPTS, ["fibres", "fiber"])).toThrow(/'fibres' and 'fiber' both match the concept/);
    expect(() => samplePathBetween(g, key, "no such node", OPTS)).toThrow(/no concept 'no such node' in graph 'silk'/);
  });
});
