import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { numberFlag, parseCommandArgs } from "../args.js";
import type { Command, CommandContext } from "../command.js";
import { UserError } from "../errors.js";
import { parseSequence } from "../../design/amino-acids.js";
import { externalPredictor } from "../../design/external-predictor.js";
import { predictForce } from "../../design/force-model.js";
import { parseFasta } from "../../design/natural-sequences.js";
import { predictModes } from "../../design/vibration-model.js";

/** Longest sequence for the built-in modes model: a 3N×3N dense eigenproblem (N = 400 takes seconds). */
const MAX_MODES_LENGTH = 400;

const USAGE = `usage: worldbreaker predict force|modes <sequence | file.fasta> [options]

Runs the forward models alone on one protein sequence.
  force   Chou–Fasman secondary structure → mechanical domains → Bell–Evans/worm-like-chain kinetic Monte
          Carlo pulling; prints the maximum force (pN), unfolding energy (pN·nm) and 25-point force history.
  modes   idealised Cα trace → anisotropic network model (three lowest non-trivial modes, per-residue
          amplitudes) and Gaussian network model B-factors.

options:
  --json               print one JSON object: {"fmax","energy","history",…} or {"modes","bfactors",…}
  --seed <n>           seed of the stochastic replicas (default 1; modes: 0 = ideal trace)
  --replicas <n>       pulling replicas to average (force; default 16)
  --speed <nm/s>       pulling speed (default 600)
  --spring <pN/nm>     cantilever spring constant (default 40)
  --predictor <spec>   use an external predictor: a command speaking JSON lines, or an http(s):// URL
`;

function readSequence(arg: string, cwd: string): string {
  const path = resolve(cwd, arg);
  if (/\.(fasta|fa|faa)$/i.test(arg)) {
    if (!existsSync(path)) throw new UserError(`predict: cannot read '${arg}'`);
    return parseSequence(parseFasta(readFileSync(path, "utf8"), arg)[0].sequence, arg);
  }
  return parseSequence(arg);
}

async function run(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("predict", args, {
    json: { type: "boolean" },
    seed: { type: "string" },
    replicas: { type: "string" },
    speed: { type: "string" },
    spring: { type: "string" },
    predictor: { type: "string" },
  });
  const [kind, seqArg, ...extra] = positionals;
  if (kind !== "force" && kind !== "modes") throw new UserError(`predict: first argument must be 'force' or 'modes'${kind ? `, got '${kind}'` : ""} (see 'worldbreaker help predict')`);
  if (seqArg === undefined) throw new UserError("predict: missing the sequence (see 'worldbreaker help predict')");
  if (extra.length > 0) throw new UserError(`predict: unexpected argument '${extra[0]}'`);
  const sequence = readSequence(seqArg, ctx.cwd);
  if (kind === "modes" && values.predictor === undefined && sequence.length > MAX_MODES_LENGTH) {
    throw new UserError(`predict modes: ${sequence.length} residues; the built-in normal-mode model supports at most ${MAX_MODES_LENGTH} (its eigensolver is cubic in length)`);
  }
  const seed = numberFlag("predict", "seed", values.seed, { integer: true, min: 0 }) ?? (kind === "force" ? 1 : 0);
  const replicas = numberFlag("predict", "replicas", values.replicas, { integer: true, min: 1, max: 10000 }) ?? 16;
  const speed = numberFlag("predict", "speed", values.speed, { min: 1e-6 });
  const spring = numberFlag("predict", "spring", values.spring, { min: 1e-6 });
  let result: Record<string, unknown>;
  if (values.predictor !== undefined) {
    const predictor = externalPredictor(values.predictor, ctx.cwd, ctx.signal);
    try {
      const [r] = kind === "force" ? await predictor.force([sequence], { seed, replicas }) : await predictor.modes([sequence], { seed, replicas });
      result = { ...r };
    } finally {
      await predictor.close();
    }
  } else if (kind === "force") {
    const p = predictForce(sequence, { seed, replicas, speed, springConstant: spring });
    result = {
      fmax: p.fmax, energy: p.energy, history: p.history, fmaxSpread: p.fmaxSpread, energySpread: p.energySpread,
      replicas, secondaryStructure: p.secondaryStructure,
      domains: p.domains.map((d) => ({ start: d.start + 1, end: d.end, class: d.cls, confidence: d.confidence })),
    };
  } else {
    const p = predictModes(sequence, { seed });
    result = { modes: p.modes, bfactors: p.bfactors, eigenvalues: p.eigenvalues, secondaryStructure: p.secondaryStructure };
  }
  if (values.json) {
    ctx.stdout(JSON.stringify(result) + "\n");
    return 0;
  }
  const lines = [`sequence: ${sequence.length} residues`];
  if (typeof result.secondaryStructure === "string") {
    lines.push("secondary structure under each residue (H helix, E strand, C coil):", ...alignedRows(sequence, result.secondaryStructure));
  } else lines.push(sequence);
  if (kind === "force") {
    const r = result as { fmax: number; energy: number; history: number[]; fmaxSpread?: number; energySpread?: number; domains?: { start: number; end: number; class: string }[] };
    const pm = (s?: number) => (s === undefined ? "" : ` ± ${s.toFixed(1)}`);
    lines.push(`max force: ${r.fmax.toFixed(1)}${pm(r.fmaxSpread)} pN`);
    lines.push(`unfolding energy: ${r.energy.toFixed(1)}${pm(r.energySpread)} pN·nm (${(r.energy * 0.1439).toFixed(1)} kcal/mol)`);
    if (r.domains) lines.push(`domains: ${r.domains.length === 0 ? "none (unstructured)" : r.domains.map((d) => `${d.start}-${d.end} ${d.class}`).join(", ")}`);
    lines.push(`force history (÷ fmax): ${r.history.map((h) => h.toFixed(2)).join(" ")}`);
  } else {
    const r = result as { modes: number[][]; bfactors?: number[] };
    r.modes.forEach((m, k) => lines.push(`mode ${k + 1} amplitude: ${m.map((a) => a.toFixed(2)).join(" ")}`));
    if (r.bfactors && r.bfactors.length > 0) lines.push(`GNM B-factors (Å²): ${r.bfactors.map((b) => b.toFixed(1)).join(" ")}`);
  }
  ctx.stdout(lines.join("\n") + "\n");
  return 0;
}

/**
 * The sequence and its secondary structure in blocks of 60, one above the other, each block headed by the
 * position of its first residue, so every letter sits over its residue.
 */
export function alignedRows(sequence: string, structure: string, width = 60): string[] {
  const out: string[] = [];
  const pad = String(sequence.length).length;
  for (let i = 0; i < sequence.length; i += width) {
    out.push(`${String(i + 1).padStart(pad)}  ${sequence.slice(i, i + width)}`, `${" ".repeat(pad)}  ${structure.slice(i, i + width)}`);
  }
  return out;
}

/** `worldbreaker predict`: the protein forward models on one sequence. */
export const command: Command = { name: "predict", summary: "predict a protein's unfolding force curve or normal modes from its sequence", usage: USAGE, run };
