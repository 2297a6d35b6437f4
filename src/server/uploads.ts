import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
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

/** Reads an uploaded file's text and says what it holds; throws a UserError naming the problem. */
export type UploadInspector = (kind: "csv" | "staged", text: string, fileName: string, path: string) => Promise<{ columns: string[]; rows: number }>;

/** Keeps uploaded files on disk (one folder each) so runs and explanations can reopen them by id. */
export class UploadStore {
  readonly dir: string;
  private readonly inspect: UploadInspector;
  private readonly cache = new Map<string, UploadInfo>();

  constructor(dir: string, inspect: UploadInspector) {
    this.dir = dir;
    this.inspect = inspect;
  }

  /** Stores and inspects one file; a file that cannot be read is removed again and reported as a 400. */
  async add(fileName: string, bytes: Uint8Array): Promise<UploadInfo> {
    const base = fileName.split(/[\\/]/).pop() ?? "";
    const name = base.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^\.+/, "") || "upload";
    const kind = /\.json$/i.test(name) ? "staged" : "csv";
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (err) {
      if (!(err instanceof TypeError)) throw err;
      throw new HttpError(400, `${fileName}: the file is not UTF-8 text`);
    }
    if (text.trim().length === 0) throw new HttpError(400, `${fileName}: the file is empty`);
    const id = randomBytes(9).toString("base64url");
    const folder = join(this.dir, id);
    mkdirSync(folder, { recursive: true });
    const path = join(folder, name);
    writeFileSync(path, bytes);
    try {
      const { columns, rows } = await this.inspect(kind, text, name, path);
      const info: UploadInfo = { id, name, kind, columns, rows, bytes: bytes.byteLength, path };
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
