import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/data/csv.js";
import { readTableCache, sampleTable, writeTableCache } from "../../src/server/table-cache.js";

describe("an upload's cached numbers", () => {
  it("read back exactly as parsed, and nothing when there is no cache", () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-table-cache-"));
    expect(readTableCache(dir)).toBeUndefined();
    const table = parseCsv("a,b,c\n1,2.5,-3e-7\n4,0.1,1e300\n7,8,9\n", "t.csv");
    writeTableCache(dir, table);
    const back = readTableCache(dir)!;
    expect(back.names).toEqual(["a", "b", "c"]);
    expect(back.rowCount).toBe(3);
    for (const n of table.names) expect(Array.from(back.columns[n])).toEqual(Array.from(table.columns[n]));
  });

  it("a large table is sampled to the limit by its seed, rows kept whole and in order", () => {
    const n = 1000;
    const a = Float64Array.from({ length: n }, (_, i) => i);
    const b = Float64Array.from({ length: n }, (_, i) => 2 * i);
    const table = { names: ["a", "b"], columns: { a, b }, rowCount: n };
    const s = sampleTable(table, 100, 7);
    expect(s.rowCount).toBe(100);
    expect(Array.from(s.columns.b)).toEqual(Array.from(s.columns.a, (x) => 2 * x));
    expect(Array.from(s.columns.a)).toEqual([...s.columns.a].sort((x, y) => x - y));
    expect(sampleTable(table, 100, 7).columns.a).toEqual(s.columns.a);
    expect(sampleTable(table, 2000, 7)).toBe(table);
  });
});
