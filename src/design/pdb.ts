/**
 * A minimal PDB-format reader for what the design models need: Cα coordinates and B-factors of one
 * chain, the chain's SEQRES sequence, and the author's HELIX/SHEET records as per-residue H/E/C states.
 * Pure: it parses text; reading the file is the caller's job.
 */
import { DesignError } from "./errors.js";
import { THREE_TO_ONE } from "./amino-acids.js";

/** One chain of a PDB entry, reduced to its Cα trace. */
export interface PdbChain {
  /** Chain identifier. */
  chain: string;
  /** One-letter sequence of the residues that have a Cα atom, in file order. */
  sequence: string;
  /** Sequence from the SEQRES records (may be longer than the observed trace); '' if absent. */
  seqres: string;
  /** Cα coordinates in Å, x0 y0 z0 x1 … */
  coords: Float64Array;
  /** Crystallographic B-factor of each Cα (Å²). */
  bfactors: Float64Array;
  /** Secondary structure from HELIX/SHEET records: H, E or C per observed residue. */
  states: string;
}

function residueKey(chain: string, seq: number, icode: string): string {
  return `${chain}:${seq}${icode}`;
}

/** Parses the chains of the first model of a PDB file; `name` is used in error messages. */
export function parsePdb(text: string, name = "PDB file"): PdbChain[] {
  const lines = text.split(/\r?\n/);
  const seqres = new Map<string, string[]>();
  const ssByKey = new Map<string, "H" | "E">();
  const order: string[] = [];
  const chains = new Map<string, { seq: string[]; xyz: number[]; b: number[]; keys: string[] }>();
  const seen = new Set<string>();
  const mark = (chain: string, from: number, fromIcode: string, to: number, toIcode: string, state: "H" | "E") => {
    for (let r = from; r <= to; r++) {
      // Insertion codes inside a range are rare; the endpoints carry theirs.
      const ic = r === from ? fromIcode : r === to ? toIcode : "";
      ssByKey.set(residueKey(chain, r, ic), state);
      if (ic !== "") ssByKey.set(residueKey(chain, r, ""), state);
    }
  };
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln];
    const rec = line.slice(0, 6).trim();
    if (rec === "ENDMDL") break;
    if (rec === "SEQRES") {
      const chain = line[11] ?? " ";
      const list = seqres.get(chain) ?? [];
      for (const tok of line.slice(19).trim().split(/\s+/)) if (tok) list.push(THREE_TO_ONE[tok] ?? "X");
      seqres.set(chain, list);
    } else if (rec === "HELIX") {
      const chain = line[19];
      mark(chain, parseInt(line.slice(21, 25), 10), line[25]?.trim() ?? "", parseInt(line.slice(33, 37), 10), line[37]?.trim() ?? "", "H");
    } else if (rec === "SHEET") {
      const chain = line[21];
      mark(chain, parseInt(line.slice(22, 26), 10), line[26]?.trim() ?? "", parseInt(line.slice(33, 37), 10), line[37]?.trim() ?? "", "E");
    } else if (rec === "ATOM" || (rec === "HETATM" && line.slice(17, 20) === "MSE")) {
      if (line.slice(12, 16).trim() !== "CA") continue;
      const alt = line[16];
      if (alt !== " " && alt !== "A" && alt !== undefined) continue;
      const resName = line.slice(17, 20).trim();
      const one = THREE_TO_ONE[resName];
      if (one === undefined) continue;
      const chain = line[21];
      const resSeq = parseInt(line.slice(22, 26), 10);
      const icode = line[26]?.trim() ?? "";
      const key = residueKey(chain, resSeq, icode);
      if (seen.has(key)) continue;
      const x = Number(line.slice(30, 38)), y = Number(line.slice(38, 46)), z = Number(line.slice(46, 54));
      const b = Number(line.slice(60, 66));
      if (![x, y, z].every(Number.isFinite) || !Number.isFinite(resSeq)) {
        throw new DesignError(`${name}: line ${ln + 1}: unreadable ATOM record`);
      }
      seen.add(key);
      let c = chains.get(chain);
      if (!c) { c = { seq: [], xyz: [], b: [], keys: [] }; chains.set(chain, c); order.push(chain); }
      c.seq.push(one);
      c.xyz.push(x, y, z);
      c.b.push(Number.isFinite(b) ? b : 0);
      c.keys.push(key);
    }
  }
  if (order.length === 0) throw new DesignError(`${name}: no Cα atoms of standard residues found`);
  return order.map((chain) => {
    const c = chains.get(chain)!;
    return {
      chain,
      sequence: c.seq.join(""),
      seqres: (seqres.get(chain) ?? []).join(""),
      coords: Float64Array.from(c.xyz),
      bfactors: Float64Array.from(c.b),
      states: c.keys.map((k) => ssByKey.get(k) ?? "C").join(""),
    };
  });
}
