import { isIP } from "node:net";
import { UserError } from "../errors.js";

/** Whether `host` names this machine only (a loopback address or `localhost`). */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  if (isIP(h) === 6) return h === "::1" || /^::ffff:127\./.test(h);
  return false;
}

/**
 * Refuses to listen beyond this machine without an access token: anyone who can reach the port could
 * otherwise start simulations or read every run.
 */
export function checkBindAllowed(host: string, token: string | undefined): void {
  if (isLoopbackHost(host)) return;
  if (token === undefined || token.length === 0) {
    throw new UserError(
      `serve: refusing to listen on '${host}' without an access token; pass --token <secret> (or set WORLDBREAKER_TOKEN), or bind 127.0.0.1`,
    );
  }
  if (token.length < 12) throw new UserError("serve: the access token must be at least 12 characters long");
}

/** The host name part of a Host header (`[::1]:8080` → `::1`, `example.org:80` → `example.org`). */
export function hostOfHeader(header: string): string {
  const h = header.trim();
  if (h.startsWith("[")) return h.slice(1, h.indexOf("]") > 0 ? h.indexOf("]") : undefined);
  const colon = h.lastIndexOf(":");
  return colon > 0 && h.indexOf(":") === colon ? h.slice(0, colon) : h;
}
