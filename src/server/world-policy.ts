import { UserError } from "../errors.js";
import { HttpError } from "./respond.js";

/**
 * The one rule about external worlds on a server: a world that is a command line runs only when the
 * operator started the server with --allow-external. Every path that opens a run's world (a start, a
 * resume of an interrupted, stopped or failed run, the run thread itself) checks it here, so no path
 * can start a program the operator did not allow.
 */

/** The sentence every refusal carries. */
export const EXTERNAL_REFUSED = "this server does not start external programs; restart it with --allow-external to allow that";

/** Whether a world (a start request's or a journaled run's) is a command line. */
export function isExternalWorld(world: { external?: string } | object | undefined): boolean {
  return world !== undefined && typeof (world as { external?: unknown }).external === "string";
}

/** Answers 403 when `world` is a command line and the server does not allow external programs. */
export function requireExternalAllowed(world: { external?: string } | object | undefined, allowExternal: boolean, field?: string): void {
  if (isExternalWorld(world) && !allowExternal) throw new HttpError(403, EXTERNAL_REFUSED, field);
}

/** The same rule where a run opens its world (no HTTP here): a UserError the run fails with. */
export class ExternalWorldRefused extends UserError {
  constructor() {
    super(EXTERNAL_REFUSED);
  }
}
