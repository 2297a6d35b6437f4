/** Opens the language-model session the graph commands use, journaled beside the graph store. */
import { dirname, resolve } from "node:path";
import { JsonlExchangeStore } from "../llm/jsonl-store.js";
import { loadLlmProfile } from "../llm/profiles.js";
import { LlmSession } from "../llm/session.js";
import { DEFAULT_STORE } from "./store.js";

/** Where and how to open the session. */
export interface GraphLlmOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The graph store path (`--store`); the exchange journal lives in the same folder. */
  store?: string;
  /** Overrides the profile's token budget. */
  budget?: number;
  signal?: AbortSignal;
  log: (line: string) => void;
}

/**
 * A session on `profile` whose exchanges are appended to `graph-llm.jsonl` next to the store, so every
 * prompt and answer behind a graph or hypothesis can be inspected, and a rerun is answered from it.
 */
export function openGraphLlm(profile: string, opts: GraphLlmOptions): LlmSession {
  const resolved = loadLlmProfile(profile, { env: opts.env, cwd: opts.cwd });
  const journal = resolve(dirname(resolve(opts.cwd, opts.store ?? DEFAULT_STORE)), "graph-llm.jsonl");
  return new LlmSession(opts.budget ? { ...resolved, budgetTokens: opts.budget } : resolved, { store: new JsonlExchangeStore(journal), signal: opts.signal, log: opts.log });
}
