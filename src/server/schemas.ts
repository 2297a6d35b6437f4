import { z } from "zod";

/** Ids the server hands out (uploads) or the journal uses (runs): short, URL-safe, never a path. */
export const idSchema = z
  .string()
  .min(1, "must not be empty")
  .max(80, "is too long")
  .regex(/^[A-Za-z0-9_-]+$/, "may only contain letters, digits, '-' and '_'");

/** Where a run's experiments come from. */
export const worldChoiceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("builtin"), name: z.string().min(1, "choose a world").max(100) }).strict(),
  z
    .object({
      kind: z.literal("upload"),
      uploadId: idSchema,
      /** Which CSV column is the measured outcome (default: the last). */
      target: z.string().min(1).max(200).optional(),
    })
    .strict(),
  z.object({ kind: z.literal("external"), command: z.string().trim().min(1, "give the command to start").max(2000) }).strict(),
]);
/** A world choice as the browser sends it. */
export type WorldChoice = z.infer<typeof worldChoiceSchema>;

/** The body of `POST /api/runs`. */
export const startRunSchema = z
  .object({
    world: worldChoiceSchema,
    rounds: z.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(8),
    seed: z.number().int("must be a whole number").min(0, "must not be negative").max(2 ** 31 - 1).default(1),
    llm: z.string().min(1).max(100).regex(/^[A-Za-z0-9_.-]+$/, "is not a profile name").optional(),
    explainSeconds: z.number().min(0.2, "must be at least 0.2").max(120, "must be at most 120").optional(),
  })
  .strict();
/** A validated start request. */
export type StartRunRequest = z.infer<typeof startRunSchema>;

/** The body of `POST /api/explain`. */
export const explainRequestSchema = z
  .object({
    uploadId: idSchema,
    target: z.string().min(1, "choose the column to explain").max(200),
    seconds: z.number().min(1, "must be at least 1").max(120, "must be at most 120").default(10),
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
    noise: z.enum(["absolute", "relative", "poisson"]).optional(),
    operators: z.string().max(400).optional(),
    units: z.record(z.string().max(200), z.string().max(100)).optional(),
    warm: z.array(z.string().min(1).max(2000)).max(8).optional(),
  })
  .strict();
/** The body of `POST /api/score`: a law the user typed, scored on an uploaded table. */
export const scoreRequestSchema = z
  .object({
    uploadId: idSchema,
    target: z.string().min(1, "choose the column to explain").max(200),
    law: z.string().min(1, "type a law").max(2000),
    noise: z.enum(["absolute", "relative", "poisson"]).optional(),
    units: z.record(z.string().max(200), z.string().max(100)).optional(),
  })
  .strict();
/** A validated explain request. */
export type ExplainRequest = z.infer<typeof explainRequestSchema>;

/** Query of `POST /api/uploads`: the original file name, which decides how the file is read. */
export const uploadQuerySchema = z
  .object({
    name: z
      .string()
      .min(1, "give the file name")
      .max(200)
      .regex(/\.(csv|json)$/i, "must end in .csv (a table) or .json (a staged dataset)"),
  })
  .strict();

/** Query of the live events stream: resume after the event with this index. */
export const eventsQuerySchema = z.object({ after: z.coerce.number().int().min(-1).default(-1) }).strict();
