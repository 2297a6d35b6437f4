import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCsv, readCsvFile, requireColumn } from "../../src/data/csv.js";
import { readFeynmanProblems } from "../../src/data/feynman.js";
import { UserError } from "../../src/errors.js";

function errorOf(f: () => unknown): UserError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error("expected an error");
}

describe("parseCsv", () => {
  it("reads named numeric columns (quotes, BOM, CRLF, blank lines, exponents, infinities)", () => {
    const t = parseCsv('\ufeffx,"y"\r\n1,2.5e3\r\n\r\n"-3",inf\r\n.5,-Infinity\r\n', "d.csv");
    expect(t.names).toEqual(["x", "y"]);
    expect(t.rowCount).toBe(3);
    expect(Array.from(t.columns.x)).toEqual([1, -3, 0.5]);
    expect(Array.from(t.columns.y)).toEqual([2500, Infinity, -Infinity]);
  });

  it("names file, row and column for bad cells and ragged rows", () => {
    expect(errorOf(() => parseCsv("x,y\n1,2\n3,abc\n", "d.csv")).message).toBe("d.csv: row 3, column 'y': 'abc' is not a number");
    expect(errorOf(() => parseCsv("x,y\n1,2\n3\n", "d.csv")).message).toBe("d.csv: row 3: expected 2 cells (x, y), found 1");
    expect(errorOf(() => parseCsv("x,y\n1,2,3\n", "d.csv")).message).toMatch(/row 2: expected 2 cells/);
    expect(errorOf(() => parseCsv("x,y\n1,\n", "d.csv")).message).toBe("d.csv: row 2, column 'y': is empty");
    expect(errorOf(() => parseCsv("x,y\n0x10,1\n", "d.csv")).message).toMatch(/column 'x': '0x10' is not a number/);
    expect(errorOf(() => parseCsv("x,x\n1,2\n", "d.csv")).message).toMatch(/'x' appears twice/);
    expect(errorOf(() => parseCsv("x,\n1,2\n", "d.csv")).message).toMatch(/column 2 has no name/);
    expect(errorOf(() => parseCsv("", "d.csv")).message).toMatch(/empty/);
    expect(errorOf(() => parseCsv("1,2\n3,4\n", "d.csv")).message).toMatch(/column names/);
    expect(errorOf(() => parseCsv('x,y\n1,"2\n', "d.csv")).message).toMatch(/^d\.csv: /);
  });

  it("accepts missing values only when asked", () => {
    const t = parseCsv("x,y\n1,NA\n2,\n3,nan\n", "d.csv", { allowMissing: true });
    expect(Array.from(t.columns.y).every(Number.isNaN)).toBe(true);
  });

  it("keeps a header-only file as zero rows and finds columns", () => {
    const t = parseCsv("x,y\n", "d.csv");
    expect(t.rowCount).toBe(0);
    expect(requireColumn(t, "x", "d.csv")).toHaveLength(0);
    expect(errorOf(() => requireColumn(t, "z", "d.csv")).message).toBe("d.csv: no column 'z' (columns: x, y)");
  });
});

describe("parseCsv robustness (property)", () => {
  it("returns a consistent table or throws a one-line UserError naming the file, on any text", () => {
    const cell = fc.oneof(fc.constantFrom("1", "-2.5", "1e3", "", "x", "y", '"', '"a,b"', "nan", " 3 ", "\u00e9"), fc.string({ maxLength: 4 }));
    const line = fc.array(cell, { minLength: 0, maxLength: 4 }).map((cells) => cells.join(","));
    const text = fc.array(line, { maxLength: 6 }).map((lines) => lines.join(fc.sample(fc.constantFrom("\n", "\r\n"), 1)[0]));
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 80 })), (t) => {
        try {
          const table = parseCsv(t, "f.csv");
          for (const name of table.names) expect(table.columns[name]).toHaveLength(table.rowCount);
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
          expect((e as Error).message.startsWith("f.csv: ")).toBe(true);
          expect((e as Error).message).not.toContain("\n");
        }
      }),
      { numRuns: 1000, seed: 13 },
    );
  });
});

describe("readCsvFile", () => {
  it("reads a file and names a missing one", () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-csv-"));
    const path = join(dir, "a.csv");
    writeFileSync(path, "a,b\n1,2\n");
    expect(readCsvFile(path).columns.b[0]).toBe(2);
    expect(errorOf(() => readCsvFile(join(dir, "missing.csv"))).message).toMatch(/missing\.csv: no such file/);
    expect(errorOf(() => readCsvFile(dir)).message).toMatch(/is a directory/);
  });

  it("reads the shipped example", () => {
    const t = readCsvFile("examples/pendulum.csv");
    expect(t.names).toEqual(["length", "amplitude", "period"]);
    expect(t.rowCount).toBe(80);
  });
});

describe("readFeynmanProblems", () => {
  it("reads every problem with its variables and ranges", () => {
    const problems = readFeynmanProblems("data/feynman/FeynmanEquations.csv");
    expect(problems).toHaveLength(100);
    const first = problems[0];
    expect(first).toEqual({ id: "I.6.2a", output: "f", formula: "exp(-theta**2/2)/sqrt(2*pi)", variables: [{ name: "theta", low: 1, high: 3 }] });
    expect(problems.every((p) => p.variables.length >= 1 && p.variables.every((v) => v.low < v.high))).toBe(true);
  });
});
