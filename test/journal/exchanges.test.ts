/**
 * The journal's exchange store answers a lookup from its own run's exchanges only (a resume), from any
 * run only when asked to (an explicit replay), and from the named endpoint only when one is named.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RunStore } from "../../src/journal/index.js";

const exchange = (baseUrl: string, response: string) => ({ key: "k1", role: "explainer", round: 1, request: { model: "m" }, response, baseUrl });

describe("sqlite exchange store lookups", () => {
  it("keeps each run's answers to itself unless a replay asks for any run", () => {
    const store = RunStore.open(mkdtempSync(join(tmpdir(), "wb-exchanges-")));
    try {
      store.exchanges("run-a").put(exchange("http://old:1/v1", "broken answer"));
      const fresh = store.exchanges("run-b");
      expect(fresh.get("k1")).toBeUndefined();
      expect(fresh.get("k1", { baseUrl: "http://old:1/v1" })).toBeUndefined();
      expect(fresh.get("k1", { anyRun: true })?.response).toBe("broken answer");

      const resumed = store.exchanges("run-a");
      expect(resumed.get("k1")?.response).toBe("broken answer");
      expect(resumed.get("k1", { baseUrl: "http://old:1/v1" })?.response).toBe("broken answer");
      expect(resumed.get("k1", { baseUrl: "http://new:2/v1" })).toBeUndefined();

      // Exchanges outside any run form their own scope.
      expect(store.exchanges(null).get("k1")).toBeUndefined();
      store.exchanges(null).put(exchange("http://old:1/v1", "outside"));
      expect(store.exchanges(null).get("k1")?.response).toBe("outside");
      expect(store.exchanges("run-a").get("k1")?.response).toBe("broken answer");
    } finally {
      store.close();
    }
  });
});
