import type { Command } from "../command.js";
import { parseCommandArgs } from "../args.js";
import { UserError } from "../errors.js";
import { openWorld } from "../../worlds/open.js";
import { builtinWorlds, findWorld } from "../../worlds/registry.js";
import type { WorldDefinition, WorldInfo } from "../../worlds/world.js";

const USAGE = `usage: worldbreaker worlds [<name> | <data.json> | <data.csv> [--target <column>] | --external "<command>"] [--json]

Lists the built-in worlds: a one-line summary, the inputs with their ranges (and the initial
sub-range a run starts in), the observable, and the received theory a naive learner starts from.
With a name, shows that world only. With a staged-dataset .json, a .csv file or an external
command, shows how worldbreaker reads it (inputs, ranges, stages) without running anything else —
a quick check before 'worldbreaker discover'.

options:
  --json               one JSON array of worlds on stdout
  --target <column>    the observable of a .csv (default: the last column)
  --external "<cmd>"   a world in another process (JSON-lines protocol, see docs/worlds.md)
`;

function describeRange(lo: number, hi: number): string {
  return `${fmt(lo)} .. ${fmt(hi)}`;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(4)));
}

function textOf(def: Pick<WorldDefinition, "name" | "summary">, info: WorldInfo): string {
  const lines = [`${def.name}: ${def.summary}`];
  for (const s of info.inputs) {
    const initial = s.initial ? `, starts in ${describeRange(s.initial[0], s.initial[1])}` : "";
    const scale = s.scale === "log" ? ", log scale" : "";
    lines.push(`  input  ${s.name.padEnd(10)} ${describeRange(s.min, s.max)}${initial}${scale}${s.description ? ` — ${s.description}` : ""}`);
  }
  lines.push(`  output ${info.output.name.padEnd(10)} ${info.output.description ?? ""}`.trimEnd());
  if (info.stages) lines.push(`  stages ${info.stages.map((s) => s.id + (s.initial ? " (initial)" : "")).join(" → ")}`);
  if (info.receivedTheory) lines.push(`  received theory: ${info.receivedTheory}`);
  if (info.noise) lines.push(`  noise: ${info.noise}`);
  return lines.join("\n");
}

/** `worldbreaker worlds`: lists the built-in worlds. */
export const command: Command = {
  name: "worlds",
  summary: "list the built-in worlds (inputs, ranges, received theory)",
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs("worlds", args, {
      json: { type: "boolean" },
      target: { type: "string" },
      external: { type: "string" },
    });
    if (positionals.length + (values.external !== undefined ? 1 : 0) > 1) throw new UserError("worlds: give at most one world (see 'worldbreaker help worlds')");
    let defs = builtinWorlds;
    if (positionals.length === 1 && findWorld(positionals[0])) defs = [findWorld(positionals[0])!];
    else if (positionals.length === 1 || values.external !== undefined) {
      // A dataset or an external world: open it exactly as discover would, show what was understood.
      const spec = values.external !== undefined ? { external: values.external } : { name: positionals[0], ...(values.target ? { target: values.target } : {}) };
      const world = await openWorld(spec, { seed: 0, cwd: ctx.cwd, signal: ctx.signal, onRestart: (why) => ctx.stderr(why + "\n") });
      const info = world.info;
      await world.close();
      if (values.json) ctx.stdout(JSON.stringify([info], null, 2) + "\n");
      else ctx.stdout(textOf({ name: info.name, summary: `${info.shape} world — ${info.description}` }, info) + "\n");
      return 0;
    }
    const entries = defs.map((def) => {
      const world = def.create({ seed: 0 });
      const info = world.info;
      void world.close();
      return { def, info };
    });
    if (values.json) {
      const out = entries.map(({ def, info }) => ({
        name: def.name,
        summary: def.summary,
        description: info.description,
        shape: info.shape,
        inputs: info.inputs,
        output: info.output,
        receivedTheory: info.receivedTheory ?? null,
        stages: info.stages ?? null,
        noise: info.noise ?? null,
        truth: def.truth ?? null,
        truthConstants: def.truthConstants ?? null,
        truthDerived: def.truthDerived ?? null,
        truthNote: def.truthNote ?? null,
      }));
      ctx.stdout(JSON.stringify(out, null, 2) + "\n");
    } else {
      ctx.stdout(entries.map(({ def, info }) => textOf(def, info)).join("\n\n") + "\n");
    }
    return 0;
  },
};
