import { homedir, tmpdir } from "node:os";
import { resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * What the server shows a browser never names a file in the server's own folders: errors from worlds,
 * uploads and the journal name absolute paths (`/home/x/.wb-runs/web/uploads/Ab3/broken.json: …`), which
 * tell a visitor the user name, the folder layout and where data lives. Such a path is cut to its last
 * part. Paths elsewhere (a command the user typed, `/nonexistent/world`) are the user's own words and stay.
 */

// An absolute POSIX path of at least two parts, or a Windows one, where a path can start in a sentence.
const POSIX_PATH = /(^|[\s'"`(=[,])(\/(?:[^\s'"`()[\],:/]+\/)+([^\s'"`()[\],:/]*))/g;
const WINDOWS_PATH = /(^|[\s'"`(=[,])([A-Za-z]:\\(?:[^\s'"`()[\],:\\]+\\)*([^\s'"`()[\],:\\]*))/g;
// file:// URLs carry the same paths.
const FILE_URL = /(^|[\s'"`(=[,])(file:\/\/(\/?(?:[^\s'"`()[\],/]+\/)*([^\s'"`()[\],/]*)))/g;

/** The installation's own folder (the one holding src/ or dist/). */
function packageRoot(): string {
  return fileURLToPath(new URL("../../", import.meta.url));
}

const roots = new Set<string>();
for (const r of [homedir(), tmpdir(), process.cwd(), packageRoot()]) addServerRoot(r);

/** Adds a folder whose paths are never shown (the server adds its data and journal folders). */
export function addServerRoot(dir: string): void {
  const r = resolve(dir).replace(/[\\/]+$/, "");
  // The file system's root would hide every path, the user's own included.
  if (r.length > 1 && !/^[A-Za-z]:$/.test(r)) roots.add(r);
}

function underRoot(path: string): boolean {
  const p = path.toLowerCase();
  for (const r of roots) {
    const root = r.toLowerCase();
    if (p === root || p.startsWith(root + "/") || p.startsWith(root + "\\") || p.startsWith(root + sep)) return true;
  }
  return false;
}

/** `text` with every absolute path inside a server folder replaced by its last part (`…` for a folder). */
export function redactPaths(text: string): string {
  const cut = (whole: string, lead: string, path: string, name: string) => (underRoot(path) ? lead + (name || "…") : whole);
  return text
    .replace(FILE_URL, (m, lead: string, _url: string, path: string, name: string) => cut(m, lead, path.startsWith("/") ? path : `/${path}`, name))
    .replace(POSIX_PATH, (m, lead: string, path: string, name: string) => cut(m, lead, path, name))
    .replace(WINDOWS_PATH, (m, lead: string, path: string, name: string) => cut(m, lead, path, name));
}

/** A live event as a browser may see it: error and warning sentences without server paths. */
export function redactEvent<E extends { type: string }>(event: E): E {
  const e = event as E & { error?: unknown; message?: unknown };
  if (typeof e.error !== "string" && typeof e.message !== "string") return event;
  return {
    ...event,
    ...(typeof e.error === "string" ? { error: redactPaths(e.error) } : {}),
    ...(typeof e.message === "string" ? { message: redactPaths(e.message) } : {}),
  };
}
