import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import { redactPaths } from "./redact.js";

/** The JSON body of every error answer: one plain sentence, plus the offending field when there is one. */
export interface ApiErrorBody {
  error: string;
  field?: string;
}

/** Answers with a JSON error of the given status. */
export function apiError(c: Context, status: ContentfulStatusCode, message: string, field?: string): Response {
  // Messages from worlds, uploads and the journal may name files on the server's disk; a browser sees their names only.
  const error = redactPaths(message);
  const body: ApiErrorBody = field === undefined ? { error } : { error, field };
  return c.json(body, status);
}

/** Turns a zod failure into one readable sentence naming the first bad field. */
export function describeZodError(err: z.ZodError, what: string): { message: string; field?: string } {
  const issue = err.issues[0];
  if (!issue) return { message: `${what}: invalid input` };
  const field = issue.path.map(String).join(".");
  return { message: field ? `${what}: '${field}': ${issue.message}` : `${what}: ${issue.message}`, field: field || undefined };
}

/** Thrown by request handlers to answer with a 4xx; the app's error handler turns it into JSON. */
export class HttpError extends Error {
  readonly status: ContentfulStatusCode;
  readonly field?: string;
  constructor(status: ContentfulStatusCode, message: string, field?: string) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.field = field;
  }
}

/** Parses `value` with `schema` or throws a 400 HttpError naming the field. */
export function validate<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const { message, field } = describeZodError(r.error, what);
  throw new HttpError(400, message, field);
}
