import { describe, expect, it } from "vitest";
import { columnNames } from "../../src/server/column-names.js";
import { explainTable, tableEvidence } from "../../src/server/explain-view.js";
import { scoreTable } from "../../src/server/score-view.js";
import { UserError } from "../../src/errors.js";

function table(header: string): string {
  const rows = [header];
  for (let i = 1; i <= 30; i++) rows.push(`${i},${(i * 7) % 5},${3 * i * i + 2}`);
  return rows.join("\n") + "\n";
}

describe("the explain page's table options", () => {
  it("turns headers with spaces and units into valid law names, keeping the unit", () => {
    expect(columnNames(["stress (MPa)", "strain %", "2nd run", "x", "x"])).toEqual([
      { column: "stress (MPa)", name: "stress", unit: "MPa" },
      { column: "strain %", name: "strain_pct" },
      { column: "2nd run", name: "c_2nd_run" },
      { column: "x", name: "x" },
      { column: "x", name: "x_2" },
    ]);
  });

  it("reads units from the headers and the request, using them for the search only when every column has one", () => {
    const partial = tableEvidence(table("load (N),z,y"), "t.csv", "y", {});
    expect(partial.evidence.variables).toEqual(["load", "z"]);
    expect(partial.units).toEqual({ load: "N" });
    expect(partial.evidence.units).toBeUndefined();
    const full = tableEvidence(table("load (N),z,y"), "t.csv", "y", { units: { z: "1", y: "N" } });
    expect(full.evidence.units).toEqual({ load: "N", z: "1", y: "N" });
    expect(tableEvidence(table("a,b,y"), "t.csv", "y", { noise: "relative" }).noise).toEqual({ kind: "relative", automatic: false });
  });

  it("scores a law the user typed, its constants fitted", () => {
    const s = scoreTable(table("load (N),z,y"), "t.csv", "y", "a*load^2 + b");
    expect(s.r2).toBeGreaterThan(0.999999);
    expect(s.law).toMatch(/load\^2/);
    expect(() => scoreTable(table("a1,b1,y"), "t.csv", "y", "a1 +* 2")).toThrow(UserError);
  });
});

describe("the explain view's checks", () => {
  it("carries the best law's constants with standard errors, the residual check and the warnings", async () => {
    const lines = ["x,y"];
    for (let i = 0; i < 40; i++) {
      const x = 1 + i * 0.25;
      lines.push(`${x},${3.5 * x * x * (1 + 0.01 * Math.sin(7.3 * i))}`);
    }
    const view = await explainTable(lines.join("\n"), "quad.csv", "y", { seconds: 1, seed: 0, signal: new AbortController().signal, threads: 1, noise: "relative" });
    expect(view.law).toMatch(/x/);
    expect(view.constants?.length).toBeGreaterThan(0);
    const c = view.constants![0];
    expect(c.stderr).not.toBeNull();
    expect(c.stderr!).toBeGreaterThan(0);
    expect(Math.abs(c.value - 3.5)).toBeLessThan(4 * c.stderr! + 0.01);
    expect(typeof view.residualStructure?.structured).toBe("boolean");
    expect(view.warnings).toEqual([]);
  });
});
