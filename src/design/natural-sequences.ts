/**
 * The natural sequences a design's novelty is measured against: by default those of the structures in the
 * repository's data/pdb (extracted once from their SEQRES records and embedded below; 1aar is diubiquitin
 * and repeats 1ubq, 4ake repeats 1ake), or any directory of PDB files or FASTA file the user names.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../errors.js";
import { DesignError } from "./errors.js";
import { parseSequence } from "./amino-acids.js";
import { parsePdb } from "./pdb.js";

/** A named natural sequence. */
export interface NaturalSequence {
  /** Identifier (PDB id and chain, or FASTA name). */
  id: string;
  /** One-letter sequence. */
  sequence: string;
}

/** Sequences of the shipped benchmark structures (SEQRES, first chain of each distinct sequence). */
export const SHIPPED_NATURAL: readonly NaturalSequence[] = [
  { id: "1ubqA", sequence: "MQIFVKTLTGKTITLEVEPSDTIENVKAKIQDKEGIPPDQQRLIFAGKQLEDGRTLSDYNIQKESTLHLVLRLRGG" },
  { id: "1akeA", sequence: "MRIILLGAPGAGKGTQAQFIMEKYGIPQISTGDMLRAAVKSGSELGKQAKDIMDAGKLVTDELVIALVKERIAQEDCRNGFLLDGFPRTIPQADAMKEAGINVDYVLEFDVPDELIVDRIVGRRVHAPSGRVYHVKFNPPKVEGKDDVTGEELTTRKDDQEETVRKRLVEYHQMTAPLIGYYSKEAEAGNTKYAKVDGTKPVAEVRADLEKILG" },
  { id: "1crnA", sequence: "TTCCPSIVARSNFNVCRLPGTPEAICATYTGCIIIPGATCPGDYAN" },
  { id: "1helA", sequence: "KVFGRCELAAAMKRHGLDNYRGYSLGNWVCAAKFESNFNTQATNRNTDGSTDYGILQINSRWWCNDGRTPGSRNLCNIPCSALLSSDITASVNCAKKIVSDGNGMNAWVAWRNRCKGTDVQAWIRGCRL" },
  { id: "1p38A", sequence: "GSSHHHHHHSSGLVPRGSHMSQERPTFYRQELNKTIWEVPERYQNLSPVGSGAYGSVCAAFDTKTGHRVAVKKLSRPFQSIIHAKRTYRELRLLKHMKHENVIGLLDVFTPARSLEEFNDVYLVTHLMGADLNNIVKCQKLTDDHVQFLIYQILRGLKYIHSADIIHRDLKPSNLAVNEDCELKILDFGLARHTDDEMTGYVATRWYRAPEIMLNWMHYNQTVDIWSVGCIMAELLTGRTLFPGTDHIDQLKLILRLVGTPGAELLKKISSESARNYIQSLAQMPKMNFANVFIGANPLAVDLLEKMLVLDSDKRITAAQALAHAYFAQYHDPDDEPVADPYDQSFESRDLLIDEWKSLTYDEVISFVPPPLDQEEMES" },
  { id: "2ci2I", sequence: "SSVEKKPEGVNTGAGDRHNLKTEWPELVGKSVEEAKKVILQDKPEAQIIVLPVGTIVTMEYRIDRVRLFVDKLDNIAEVPRVG" },
];

function fromPdbText(text: string, name: string, id: string): NaturalSequence[] {
  return parsePdb(text, name).map((c) => ({ id: `${id}${c.chain}`, sequence: c.seqres && !c.seqres.includes("X") ? c.seqres : c.sequence }));
}

/** Parses FASTA text into sequences, naming the file and line of any bad record. */
export function parseFasta(text: string, name: string): NaturalSequence[] {
  const out: NaturalSequence[] = [];
  let id: string | null = null;
  let buf = "";
  let startLine = 0;
  const flush = () => {
    if (id !== null) out.push({ id, sequence: parseSequence(buf, `${name}: record '${id}' (line ${startLine})`, 100_000) });
  };
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.startsWith(">")) {
      flush();
      id = line.slice(1).trim().split(/\s+/)[0] || `seq${out.length + 1}`;
      buf = "";
      startLine = i + 1;
    } else if (line.trim() !== "") {
      if (id === null) throw new DesignError(`${name}: line ${i + 1}: sequence data before the first '>' header`);
      buf += line.trim();
    }
  });
  flush();
  if (out.length === 0) throw new DesignError(`${name}: no FASTA records found`);
  return out;
}

/** Loads natural sequences from a directory of .pdb files, a .pdb file or a FASTA file; deduplicates sequences. */
export function loadNaturalSequences(path: string): NaturalSequence[] {
  let list: NaturalSequence[] = [];
  let stat;
  try {
    stat = statSync(path);
  } catch (err) {
    if (typeof (err as NodeJS.ErrnoException).code !== "string") throw err;
    throw new UserError(`natural sequences: cannot read '${path}'`);
  }
  if (stat.isDirectory()) {
    for (const f of readdirSync(path).filter((f) => f.toLowerCase().endsWith(".pdb")).sort()) {
      list.push(...fromPdbText(readFileSync(join(path, f), "utf8"), join(path, f), f.replace(/\.pdb$/i, "")));
    }
    if (list.length === 0) throw new DesignError(`natural sequences: no .pdb files in '${path}'`);
  } else {
    const text = readFileSync(path, "utf8");
    list = path.toLowerCase().endsWith(".pdb") ? fromPdbText(text, path, path.replace(/^.*[\\/]/, "").replace(/\.pdb$/i, "")) : parseFasta(text, path);
  }
  const seen = new Set<string>();
  return list.filter((s) => (seen.has(s.sequence) ? false : (seen.add(s.sequence), true)));
}
