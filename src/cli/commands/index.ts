import type { Command } from "../command.js";

/**
 * The registry of subcommands. Each entry loads its module lazily so that `worldbreaker --version`
 * does not pay for SQLite, the web server or the NLP model. Add one line per command.
 */
export const commandLoaders: Record<string, () => Promise<Command>> = {
  discover: () => import("./discover.js").then((m) => m.command),
  resume: () => import("./resume.js").then((m) => m.command),
  report: () => import("./report.js").then((m) => m.command),
  worlds: () => import("./worlds.js").then((m) => m.command),
  explain: () => import("./explain.js").then((m) => m.command),
  graph: () => import("./graph.js").then((m) => m.command),
  llm: () => import("./llm.js").then((m) => m.command),
  serve: () => import("./serve.js").then((m) => m.command),
  score: () => import("./score.js").then((m) => m.command),
  design: () => import("./design.js").then((m) => m.command),
  predict: () => import("./predict.js").then((m) => m.command),
};
