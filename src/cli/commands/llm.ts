import type { Command } from "../command.js";
import { numberFlag, parseCommandArgs } from "../args.js";
import { UserError } from "../errors.js";
import { checkProfile, formatCheckReport } from "../../llm/check.js";
import { listProfiles, loadLlmProfile } from "../../llm/profiles.js";

const USAGE = `usage: worldbreaker llm check [--profile <name>] [--llm-config <file>] [--timeout <s>] [--json]
       worldbreaker llm profiles [--llm-config <file>] [--json]

check     probes the profile's OpenAI-compatible server: reachability, models offered, whether each
          role's model honours a JSON schema (structured output), latency and tokens/s, and a tiny
          task per role (propose a law for y = 2.5·x², propose experiments, catch a unit error).
          Says plainly when a model is too weak for a role. Exit code 0 when every role passes,
          1 when the server is unreachable or a role's model is too weak.
profiles  lists the profiles defined in worldbreaker.llm.json and the environment.

options:
  --profile <name>     profile to check (default: default)
  --llm-config <file>  config file (default: $WORLDBREAKER_LLM_CONFIG or ./worldbreaker.llm.json)
  --timeout <s>        seconds to wait for each answer (default: the profile's timeoutMs)
  --json               print one JSON object on stdout

The profile 'default' can come wholly from WORLDBREAKER_LLM_BASE_URL (e.g. http://localhost:1234/v1
for mistral.rs), WORLDBREAKER_LLM_MODEL and WORLDBREAKER_LLM_API_KEY. See docs/llm.md.
`;

/** `worldbreaker llm`: language-model endpoint tools. */
export const command: Command = {
  name: "llm",
  summary: "check a language-model server and its profiles (llm check, llm profiles)",
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs("llm", args, {
      profile: { type: "string" },
      "llm-config": { type: "string" },
      json: { type: "boolean" },
      timeout: { type: "string" },
    });
    const [sub, ...extra] = positionals;
    if (extra.length > 0) throw new UserError(`llm: unexpected argument '${extra[0]}' (see 'worldbreaker help llm')`);
    const src = { env: ctx.env, cwd: ctx.cwd, configPath: values["llm-config"] };

    if (sub === "profiles") {
      const names = listProfiles(src);
      if (values.json) {
        ctx.stdout(JSON.stringify({ profiles: names.map((n) => ({ name: n, ...summary(n) })) }) + "\n");
      } else if (names.length === 0) {
        ctx.stdout("no LLM profiles: set WORLDBREAKER_LLM_BASE_URL or write worldbreaker.llm.json (see docs/llm.md)\n");
      } else {
        for (const n of names) {
          const s = summary(n);
          ctx.stdout(`${n.padEnd(16)} ${"error" in s ? s.error : `${s.baseUrl}  model ${s.model}`}\n`);
        }
      }
      return 0;
    }
    if (sub !== "check") throw new UserError(sub === undefined ? "llm: say 'check' or 'profiles' (see 'worldbreaker help llm')" : `llm: unknown subcommand '${sub}' (use check or profiles)`);

    const loaded = loadLlmProfile(values.profile ?? "default", src);
    const timeout = numberFlag("llm check", "timeout", values.timeout, { min: 0.1, max: 3600 });
    const profile = timeout === undefined ? loaded : { ...loaded, timeoutMs: Math.round(timeout * 1000) };
    const report = await checkProfile(profile, { signal: ctx.signal, log: (l) => ctx.stderr(l + "\n") });
    ctx.stdout(values.json ? JSON.stringify(report) + "\n" : formatCheckReport(report));
    return report.reachable && report.roles.length > 0 && report.roles.every((r) => r.verdict === "ok") ? 0 : 1;

    function summary(name: string): { baseUrl: string; model: string; source: string } | { error: string } {
      try {
        const p = loadLlmProfile(name, src);
        return { baseUrl: p.baseUrl, model: p.model, source: p.source };
      } catch (err) {
        return { error: err instanceof Error ? err.message : String(err) };
      }
    }
  },
};
