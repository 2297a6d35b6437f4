/**
 * Language-model endpoints and profiles: where `worldbreaker.llm.json` lives, what it may say, and how
 * the profile `default` is filled from WORLDBREAKER_LLM_* environment variables.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { LlmError } from "./failures.js";

/** The file looked for in the working directory when no config path is given. */
export const CONFIG_FILE_NAME = "worldbreaker.llm.json";

/** Per-role overrides: each role can be its own model or its own mistral.rs LoRA adapter on one server. */
export const RoleSettingsSchema = z.strictObject({
  /** Model id for this role (default: the profile's). */
  model: z.string().min(1).optional(),
  /** mistral.rs LoRA adapter name activated for this role's requests (sent as `adapters: [name]`). */
  adapter: z.string().min(1).optional(),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().min(16).max(1_000_000).optional(),
});

const urlString = z.string().refine((s) => /^https?:\/\/[^\s/]+/.test(s), "expected an http(s) URL such as http://localhost:1234/v1");

/** One profile as written in the config file. */
export const ProfileConfigSchema = z.strictObject({
  /** OpenAI-compatible base URL ending in /v1 (mistral.rs: http://localhost:1234/v1). */
  baseUrl: urlString,
  /** Model id; mistral.rs serving one model accepts "default". */
  model: z.string().min(1),
  /** Name of the environment variable holding the API key (never the key itself). */
  apiKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "expected an environment variable name").optional(),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().min(16).max(1_000_000).optional(),
  /** Requests in flight at once against this endpoint. */
  concurrency: z.number().int().min(1).max(4096).optional(),
  /** Per-request timeout. */
  timeoutMs: z.number().int().min(100).max(3_600_000).optional(),
  /** Retries after the first attempt on 429, 5xx, timeouts and unreadable answers. */
  retries: z.number().int().min(0).max(20).optional(),
  /** First backoff delay; doubles per retry, with jitter, up to maxBackoffMs. */
  backoffMs: z.number().int().min(0).max(600_000).optional(),
  maxBackoffMs: z.number().int().min(0).max(3_600_000).optional(),
  /** Hard budget of tokens (prompt + completion) per run; requests stop cleanly when it is spent. */
  budgetTokens: z.number().int().min(1).optional(),
  /** Longest a run waits on the model in one round, all calls together; then the round goes on without it. */
  roundTimeoutMs: z.number().int().min(100).max(3_600_000).optional(),
  /** Longest Retry-After honoured; a server asking for more gets that call given up (and the circuit opened). */
  maxRetryAfterMs: z.number().int().min(0).max(3_600_000).optional(),
  /** Largest reply read, in bytes; a longer one is discarded as a failed attempt. */
  maxReplyBytes: z.number().int().min(1024).max(1_073_741_824).optional(),
  /** Consecutive failed calls that open the circuit, and how long it stays open. */
  circuitBreaker: z.strictObject({ failures: z.number().int().min(1).max(1000), cooldownMs: z.number().int().min(0) }).optional(),
  roles: z.record(z.string().regex(/^[a-z][a-z0-9_-]*$/, "role names are lower-case words"), RoleSettingsSchema).optional(),
  /** Model id served at `<baseUrl>/embeddings`; enables concept matching by embeddings (`graph path --llm`). */
  embeddingModel: z.string().min(1).optional(),
  /** Texts sent per embeddings request (default 64). */
  embeddingBatch: z.number().int().min(1).max(2048).optional(),
});

/** The whole config file. */
export const LlmConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  profiles: z.record(z.string().min(1), ProfileConfigSchema),
});

/** Settings of one role after defaults and overrides. */
export interface RoleSettings {
  model: string;
  adapter?: string;
  temperature: number;
  maxTokens: number;
}

/** A fully resolved profile: every knob has a value. */
export interface LlmProfile {
  name: string;
  baseUrl: string;
  model: string;
  /** The key itself (from the environment), or undefined for servers that need none. */
  apiKey?: string;
  temperature: number;
  maxTokens: number;
  concurrency: number;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  maxBackoffMs: number;
  budgetTokens: number;
  roundTimeoutMs: number;
  maxRetryAfterMs: number;
  maxReplyBytes: number;
  circuitBreaker: { failures: number; cooldownMs: number };
  roles: Record<string, z.infer<typeof RoleSettingsSchema>>;
  /** Embeddings model id, when the endpoint serves embeddings. */
  embeddingModel?: string;
  /** Texts per embeddings request. */
  embeddingBatch?: number;
  /** Where the profile came from: a file path, "environment", or both. */
  source: string;
}

/** Defaults chosen for a local mistral.rs server on one GPU. */
export const PROFILE_DEFAULTS = {
  temperature: 0.2,
  maxTokens: 1024,
  concurrency: 8,
  timeoutMs: 120_000,
  retries: 4,
  backoffMs: 500,
  maxBackoffMs: 20_000,
  budgetTokens: 200_000,
  roundTimeoutMs: 120_000,
  maxRetryAfterMs: 30_000,
  maxReplyBytes: 1_048_576,
  circuitBreaker: { failures: 5, cooldownMs: 30_000 },
  embeddingBatch: 64,
} as const;

/** Where to look for profiles. */
export interface ProfileSource {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Explicit config path (`--llm-config`); beats WORLDBREAKER_LLM_CONFIG and ./worldbreaker.llm.json. */
  configPath?: string;
}

/** Formats a zod error as `file: path.to.field: message` (first issue; the rest counted). */
function configError(file: string, error: z.ZodError): LlmError {
  const [first, ...rest] = error.issues;
  const where = first.path.length > 0 ? first.path.map(String).join(".") : "(top level)";
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? "s" : ""})` : "";
  return new LlmError(`${file}: ${where}: ${first.message}${more}`);
}

/** Finds the config file to use, or undefined when there is none (explicit paths must exist). */
export function findConfigPath(src: ProfileSource): string | undefined {
  const explicit = src.configPath ?? src.env.WORLDBREAKER_LLM_CONFIG;
  if (explicit) {
    const p = resolve(src.cwd, explicit);
    if (!existsSync(p)) throw new LlmError(`LLM config file not found: ${p}`);
    return p;
  }
  const p = resolve(src.cwd, CONFIG_FILE_NAME);
  return existsSync(p) ? p : undefined;
}

/** Reads and validates a config file; errors name the file and the field. */
export function readLlmConfig(path: string): z.infer<typeof LlmConfigSchema> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new LlmError(`${path}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = LlmConfigSchema.safeParse(raw);
  if (!parsed.success) throw configError(path, parsed.error);
  return parsed.data;
}

/** Profile names available from the file and the environment. */
export function listProfiles(src: ProfileSource): string[] {
  const path = findConfigPath(src);
  const names = new Set(path ? Object.keys(readLlmConfig(path).profiles) : []);
  if (src.env.WORLDBREAKER_LLM_BASE_URL) names.add("default");
  return [...names].sort();
}

/**
 * Resolves profile `name`. The profile `default` may come wholly from WORLDBREAKER_LLM_BASE_URL,
 * WORLDBREAKER_LLM_MODEL (default "default", as mistral.rs names its one model),
 * WORLDBREAKER_EMBEDDINGS_MODEL (the embeddings model, optional) and WORLDBREAKER_LLM_API_KEY; those
 * variables also override a `default` profile in the file.
 */
export function loadLlmProfile(name: string, src: ProfileSource): LlmProfile {
  const path = findConfigPath(src);
  const config = path ? readLlmConfig(path) : undefined;
  let fromFile = config && Object.hasOwn(config.profiles, name) ? config.profiles[name] : undefined;
  let source = path ?? "";

  if (name === "default") {
    const env = src.env;
    const baseUrl = env.WORLDBREAKER_LLM_BASE_URL;
    if (baseUrl !== undefined || fromFile) {
      const merged = {
        ...(fromFile ?? {}),
        ...(baseUrl ? { baseUrl } : {}),
        ...(env.WORLDBREAKER_LLM_MODEL ? { model: env.WORLDBREAKER_LLM_MODEL } : {}),
        ...(env.WORLDBREAKER_EMBEDDINGS_MODEL ? { embeddingModel: env.WORLDBREAKER_EMBEDDINGS_MODEL } : {}),
      } as Record<string, unknown>;
      if (merged.model === undefined) merged.model = "default";
      const checked = ProfileConfigSchema.safeParse(merged);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        const field = String(issue.path[0] ?? "");
        const where = baseUrl && field === "baseUrl" ? "WORLDBREAKER_LLM_BASE_URL" : `${path ?? "environment"}: profiles.default.${field}`;
        throw new LlmError(`${where}: ${issue.message}`);
      }
      fromFile = checked.data;
      if (baseUrl) source = path ? `${path} + environment` : "environment";
    }
  }

  if (!fromFile) {
    const known = config ? Object.keys(config.profiles) : [];
    const hint =
      name === "default"
        ? "set WORLDBREAKER_LLM_BASE_URL (e.g. http://localhost:1234/v1 for mistral.rs) or add it to " + CONFIG_FILE_NAME
        : known.length > 0
          ? `known profiles: ${known.join(", ")}`
          : `no ${CONFIG_FILE_NAME} found in ${src.cwd} (or give --llm-config / WORLDBREAKER_LLM_CONFIG)`;
    throw new LlmError(`unknown LLM profile '${name}'; ${hint}`);
  }

  const p = fromFile;
  let apiKey: string | undefined;
  if (p.apiKeyEnv) {
    apiKey = src.env[p.apiKeyEnv];
    if (!apiKey) throw new LlmError(`LLM profile '${name}': environment variable ${p.apiKeyEnv} (apiKeyEnv) is not set`);
  } else if (name === "default" && src.env.WORLDBREAKER_LLM_API_KEY) {
    apiKey = src.env.WORLDBREAKER_LLM_API_KEY;
  }

  return {
    name,
    baseUrl: p.baseUrl.replace(/\/+$/, ""),
    model: p.model,
    apiKey,
    temperature: p.temperature ?? PROFILE_DEFAULTS.temperature,
    maxTokens: p.maxTokens ?? PROFILE_DEFAULTS.maxTokens,
    concurrency: p.concurrency ?? PROFILE_DEFAULTS.concurrency,
    timeoutMs: p.timeoutMs ?? PROFILE_DEFAULTS.timeoutMs,
    retries: p.retries ?? PROFILE_DEFAULTS.retries,
    backoffMs: p.backoffMs ?? PROFILE_DEFAULTS.backoffMs,
    maxBackoffMs: p.maxBackoffMs ?? PROFILE_DEFAULTS.maxBackoffMs,
    budgetTokens: p.budgetTokens ?? PROFILE_DEFAULTS.budgetTokens,
    roundTimeoutMs: p.roundTimeoutMs ?? PROFILE_DEFAULTS.roundTimeoutMs,
    maxRetryAfterMs: p.maxRetryAfterMs ?? PROFILE_DEFAULTS.maxRetryAfterMs,
    maxReplyBytes: p.maxReplyBytes ?? PROFILE_DEFAULTS.maxReplyBytes,
    circuitBreaker: p.circuitBreaker ?? { ...PROFILE_DEFAULTS.circuitBreaker },
    roles: p.roles ?? {},
    ...(p.embeddingModel ? { embeddingModel: p.embeddingModel } : {}),
    embeddingBatch: p.embeddingBatch ?? PROFILE_DEFAULTS.embeddingBatch,
    source,
  };
}

/** The model, adapter and sampling settings one role uses under a profile. */
export function roleSettings(profile: LlmProfile, role: string): RoleSettings {
  const r = Object.hasOwn(profile.roles, role) ? profile.roles[role] : {};
  return {
    model: r.model ?? profile.model,
    adapter: r.adapter,
    temperature: r.temperature ?? profile.temperature,
    maxTokens: r.maxTokens ?? profile.maxTokens,
  };
}
