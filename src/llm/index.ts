/**
 * Public API of the language-model layer. Callers open a session on a profile and ask for structured
 * answers; the discovery loop gets ready-made agents from `createAgents`.
 *
 *   const llm = openLlm("default", { env, cwd, store, log: (l) => ctx.stderr(l + "\n") });
 *   const answer = await llm.structured("graph", MySchema, [{ role: "user", content: "..." }], { round });
 *   // answer: validated value, or null (model failed twice, server down, budget spent)
 */
export { openLlm, LlmSession, LlmReplayMissError } from "./session.js";
export type { ChatMessage, LlmSessionOptions, StructuredOptions, LlmStats } from "./session.js";
export { MemoryExchangeStore } from "./exchange.js";
export type { Exchange, SessionStore, StoredExchange, LlmRole, TokenUsage } from "./exchange.js";
export { JsonlExchangeStore } from "./jsonl-store.js";
export { loadLlmProfile, listProfiles, roleSettings, CONFIG_FILE_NAME, PROFILE_DEFAULTS } from "./profiles.js";
export type { LlmProfile, RoleSettings, ProfileSource } from "./profiles.js";
export { requestKey } from "./request-key.js";
export { Embedder, cosine, unit, type EmbedderOptions, type EmbedderStats } from "./embeddings.js";
export { createAgents } from "./agents.js";
export type { CreateAgentsOptions, LlmAgents, AgentRole } from "./agents.js";
export { LlmExplainer, ExplainerAnswerSchema, explainerMessages } from "./roles/explainer.js";
export { LlmBreaker, breakerAnswerSchema, breakerMessages } from "./roles/breaker.js";
export { LlmCritic, CriticAnswerSchema, criticMessages } from "./roles/critic.js";
export { checkCandidates, cleanLaw } from "./roles/law-candidates.js";
export { llmWarmStart, evidenceContext } from "./explain-seeds.js";
export { summarizeExchanges, type ExchangeSummary, type ExchangeTotals } from "./provenance.js";
export { checkProfile, formatCheckReport, type CheckReport, type RoleCheck } from "./check.js";
