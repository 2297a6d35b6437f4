import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
};

/** The folder the built web app lives in (`web/dist` beside `src/` or `dist/`). */
export function defaultWebRoot(): string {
  return fileURLToPath(new URL("../../web/dist/", import.meta.url));
}

/** A file to send: bytes, content type and whether it may be cached forever (hashed asset names). */
export interface StaticFile {
  body: Uint8Array<ArrayBuffer>;
  type: string;
  immutable: boolean;
}

/** Whether a URL path is valid percent-encoding (`/%` is not). */
export function isDecodablePath(urlPath: string): boolean {
  try {
    decodeURIComponent(urlPath);
    return true;
  } catch (err) {
    if (!(err instanceof URIError)) throw err;
    return false;
  }
}

/**
 * Finds the file for a URL path inside `root`; unknown paths get `index.html` (the app routes in the
 * browser). Never leaves `root`, whatever the path says.
 */
export function findStaticFile(root: string, urlPath: string): StaticFile | undefined {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch (err) {
    if (!(err instanceof URIError)) throw err;
    return undefined;
  }
  const base = resolve(root);
  const full = resolve(join(base, rel));
  const inside = full === base || full.startsWith(base + sep);
  const candidate = inside && existsSync(full) && statSync(full).isFile() ? full : join(base, "index.html");
  if (!existsSync(candidate)) return undefined;
  const type = TYPES[extname(candidate).toLowerCase()] ?? "application/octet-stream";
  return { body: new Uint8Array(readFileSync(candidate)), type, immutable: candidate.includes(`${sep}assets${sep}`) };
}
