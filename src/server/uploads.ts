import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import { join } from "node:path";
import { UserError } from "../errors.js";
import { HttpError } from "./respond.js";

/** What the server learned about an uploaded file by reading it. */
export interface UploadInfo {
  id: string;
  /** The file name as the user chose it (sanitised). */
  name: string;
  kind: "csv" | "staged";
  /** Column names (CSV) or observable names (staged dataset). */
  columns: string[];
  rows: number;
  bytes: number;
  /** Absolute path of the stored copy. */
  path: string;
}

/**
 * Reads a stored upload and says what it holds; throws a UserError naming the problem. It reads the file
 * itself (`readUploadText`), so that a large upload is decoded and parsed where the engine chooses — off
 * the server's event loop.
 */
export type UploadInspector = (kind: "csv" | "staged", fileName: string, path: string) => Promise<{ columns: string[]; rows: number }>;

/** The text of a stored upload: UTF-8 and not blank, or a UserError naming `fileName`. */
export function readUploadText(path: string, fileName: string): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(path));
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
    throw new UserError(`${fileName}: the file is not UTF-8 text`);
  }
  if (text.trim().length === 0) throw new UserError(`${fileName}: the file is empty`);
  return text;
}

/** Keeps uploaded files on disk (one folder each) so runs and explanations can reopen them by id. */
export class UploadStore {
  readonly dir: string;
  private readonly inspect: UploadInspector;
  private readonly cache = new Map<string, UploadInfo>();

  constructor(dir: string, inspect: UploadInspector) {
    this.dir = dir;
    this.inspect = inspect;
  }

  /**
   * Stores and inspects one file; a file that cannot be read is removed again and reported as a 400. A
   * streamed body is written to disk as it arrives (never held whole), and refused with a 413 past `maxBytes`.
   */
  async add(fileName: string, body: Uint8Array | ReadableStream<Uint8Array>, maxBytes = Infinity): Promise<UploadInfo> {
    const base = fileName.split(/[\\/]/).pop() ?? "";
    const name = base.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^\.+/, "") || "upload";
    const kind = /\.json$/i.test(name) ? "staged" : "csv";
    const id = randomBytes(9).toString("base64url");
    const folder = join(this.dir, id);
    mkdirSync(folder, { recursive: true });
    const path = join(folder, name);
    try {
      const bytes = body instanceof Uint8Array ? (writeFileSync(path, body), body.byteLength) : await writeStream(path, body, maxBytes);
      const { columns, rows } = await this.inspect(kind, name, path);
      const info: UploadInfo = { id, name, kind, columns, rows, bytes, path };
      writeFileSync(join(folder, "upload.json"), JSON.stringify(info));
      this.cache.set(id, info);
      return info;
    } catch (err) {
      rmSync(folder, { recursive: true, force: true });
      throw err;
    }
  }

  /** The upload with this id, or a 404. */
  get(id: string): UploadInfo {
    const hit = this.cache.get(id);
    if (hit) return hit;
    const meta = join(this.dir, id, "upload.json");
    if (!existsSync(meta)) throw new HttpError(404, `no uploaded file with id '${id}' (upload it again)`, "uploadId");
    const info = JSON.parse(readFileSync(meta, "utf8")) as UploadInfo;
    this.cache.set(id, info);
    return info;
  }

  /** Every stored upload, in no particular order. */
  list(): UploadInfo[] {
    if (!existsSync(this.dir)) return [];
    const out: UploadInfo[] = [];
    for (const id of readdirSync(this.dir)) {
      try {
        out.push(this.get(id));
      } catch (err) {
        // A half-written folder from a crash is not an upload: no upload.json (404) or a torn one.
        if (!(err instanceof HttpError) && !(err instanceof SyntaxError) && typeof (err as NodeJS.ErrnoException).code !== "string") throw err;
      }
    }
    return out;
  }

  /** The text of a stored upload. */
  text(id: string): string {
    return readFileSync(this.get(id).path, "utf8");
  }
}

/** Writes a body to `path` chunk by chunk; the byte count, or a 413 once it passes `maxBytes`. */
async function writeStream(path: string, body: ReadableStream<Uint8Array>, maxBytes: number): Promise<number> {
  const file = await open(path, "w");
  let bytes = 0;
  const reader = body.getReader();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      bytes += next.value.byteLength;
      if (bytes > maxBytes) {
        // The rest is not wanted: stop receiving it.
        await reader.cancel();
        throw new HttpError(413, `the file is larger than this server accepts (${Math.round(maxBytes / 1024 / 1024)} MiB)`);
      }
      await file.write(next.value);
    }
  } finally {
    reader.releaseLock();
    await file.close();
  }
  return bytes;
}
