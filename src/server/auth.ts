import { timingSafeEqual, createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { hostOfHeader, isLoopbackHost } from "./bind.js";
import { apiError } from "./respond.js";

/** Name of the cookie that lets the browser load the app's own files once it has shown the token. */
export const TOKEN_COOKIE = "wb_token";

/** Compares secrets in constant time (hashing first so lengths never leak). */
export function sameSecret(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb);
}

function bearerOf(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? "");
  return m ? m[1].trim() : undefined;
}

/**
 * Access control for every request.
 *
 * Without a token (loopback only), the Host header must name this machine, which stops DNS-rebinding
 * pages from talking to the server. With a token, API requests must carry `Authorization: Bearer`
 * (a header, never a cookie, so other sites cannot forge API calls); the app's own static files also
 * accept `?token=` once, which then sets a same-site cookie for the page's scripts and styles.
 */
export function accessControl(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    const path = c.req.path;
    const isApi = path === "/api" || path.startsWith("/api/");
    if (!token) {
      const host = c.req.header("host");
      if (host !== undefined && !isLoopbackHost(hostOfHeader(host))) {
        return apiError(c, 403, `this server only answers requests addressed to this machine (Host: ${host})`);
      }
      return next();
    }
    const bearer = bearerOf(c.req.header("authorization"));
    if (bearer !== undefined && sameSecret(bearer, token)) return next();
    if (isApi) {
      return apiError(
        c,
        401,
        bearer === undefined ? "this server needs an access token: send 'Authorization: Bearer <token>'" : "the access token is wrong",
      );
    }
    const fromQuery = c.req.query("token");
    if (fromQuery !== undefined && sameSecret(fromQuery, token)) {
      setCookie(c, TOKEN_COOKIE, token, { httpOnly: true, sameSite: "Strict", path: "/" });
      return next();
    }
    const fromCookie = getCookie(c, TOKEN_COOKIE);
    if (fromCookie !== undefined && sameSecret(fromCookie, token)) return next();
    return c.text("This worldbreaker server needs an access token: open the address that `worldbreaker serve` printed (it ends in ?token=…).\n", 401);
  };
}
