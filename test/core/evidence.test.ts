import { describe, expect, it } from "vitest";
import { columnsOf, evidenceRows, type Evidence } from "../../src/core/evidence.js";

describe("evidence helpers", () => {
  const evidence: Evidence = {
    variables: ["x", "z"],
    columns: { x: Float64Array.from([1, 2, 3, 4]), z: Float64Array.from([5, 6, 7, 8]) },
    target: Float64Array.from([10, 20, 30, 40]),
    targetName: "y",
    units: { x: "m", z: "s", y: "m/s" },
    scales: Float64Array.from([0.1, 0.2, 0.3, 0.4]),
  };

  it("takes rows in the order asked, columns, target and noise scales alike, keeping names and units", () => {
    const sub = evidenceRows(evidence, [3, 1]);
    expect(Array.from(sub.columns.x)).toEqual([4, 2]);
    expect(Array.from(sub.columns.z)).toEqual([8, 6]);
    expect(Array.from(sub.target)).toEqual([40, 20]);
    expect(Array.from(sub.scales!)).toEqual([0.4, 0.2]);
    expect(sub.variables).toEqual(["x", "z"]);
    expect(sub.units).toEqual(evidence.units);
    expect(evidence.target).toHaveLength(4);
  });

  it("leaves evidence without noise scales without them", () => {
    const { scales: _dropped, ...plain } = evidence;
    expect(evidenceRows(plain, [0]).scales).toBeUndefined();
  });

  it("lists input columns in variable order", () => {
    expect(columnsOf({ variables: ["z", "x"], columns: evidence.columns })).toEqual([evidence.columns.z, evidence.columns.x]);
  });
});
