/**
 * Bridges to the CommonJS graph and NLP libraries. Their type declarations describe `export default`
 * while at run time they assign `module.exports`; under NodeNext that mismatch makes TypeScript reject a
 * default import, so we load them through `require` and give them their declared types here, once.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** Louvain community detection (graphology-communities-louvain). */
export const louvain = require("graphology-communities-louvain") as typeof import("graphology-communities-louvain").default;

/** The wink-nlp factory. */
export const winkNLP = require("wink-nlp") as typeof import("wink-nlp").default;

/** The offline English model for wink-nlp (POS tags, lemmas, sentences). */
export const winkEnglishModel = require("wink-eng-lite-web-model") as typeof import("wink-eng-lite-web-model").default;
