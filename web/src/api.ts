import type { ExplainView, LiveEvent, RunDetail, RunListItem, WorldListing } from "../../src/server/contract";
import { accessToken } from "./token";

export type { ExplainView, LiveEvent, RunDetail, RunListItem, WorldListing };

/** What the server says about itself. */
export interface ServerInfo {
  version: string;
  worlds: WorldListing[];
  llmProfiles: string[];
  allowExternal: boolean;
  maxUploadBytes: number;
  activeRunId: string | null;
}

/** An uploaded file as the server read it. */
export interface UploadInfo {
  id: string;
  name: string;
  kind: "csv" | "staged";
  columns: string[];
  rows: number;
  bytes: number;
}

/** An error the server explained in one sentence. */
export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const token = accessToken();
  return token ? { ...extra, Authorization: `Bearer ${token}` } : extra;
}

async function failure(res: Response): Promise<ApiError> {
  let message = `the server answered ${res.status} ${res.statusText}`;
  try {
    const body = (await res.json()) as { error?: string };
    if (body.error) message = body.error;
  } catch {
    // Not JSON: keep the status line.
  }
  if (res.status === 401) message += ". Open the address that `worldbreaker serve` printed.";
  return new ApiError(res.status, message);
}

/** Calls the JSON API. */
export async function api<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: headers(init.body === undefined ? {} : { "Content-Type": "application/json" }),
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, "cannot reach the worldbreaker server; is `worldbreaker serve` still running?");
  }
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

/** Uploads a file as-is (the server reads CSV tables and staged-dataset JSON). */
export async function uploadFile(file: File): Promise<UploadInfo> {
  const res = await fetch(`/api/uploads?name=${encodeURIComponent(file.name)}`, {
    method: "POST",
    headers: headers({ "Content-Type": "application/octet-stream" }),
    body: file,
  });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as UploadInfo;
}

/** Fetches a file with the access token and hands it to the browser as a download. */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const res = await fetch(path, { headers: headers() });
  if (!res.ok) throw await failure(res);
  saveBlob(await res.blob(), fileName);
}

/** Hands a blob to the browser as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later, not at once: some browsers start reading the URL only after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Opens a file (the HTML report) in a new tab, fetched with the access token. */
export async function openFile(path: string): Promise<void> {
  const tab = window.open("", "_blank");
  const res = await fetch(path, { headers: headers() });
  if (!res.ok) {
    tab?.close();
    throw await failure(res);
  }
  const url = URL.createObjectURL(await res.blob());
  if (tab) tab.location.href = url;
  else window.location.href = url;
}

/**
 * Follows a run's live events (server-sent events read through fetch, so the token travels in a
 * header, never in a URL). Reconnects after network hiccups, resuming after the last event seen.
 */
export function followEvents(
  runId: string,
  onEvent: (event: LiveEvent, index: number) => void,
  onEnd: (status: string) => void,
  signal: AbortSignal,
): void {
  let last = -1;
  const connect = async (attempt: number): Promise<void> => {
    try {
      const res = await fetch(`/api/runs/${encodeURIComponent(runId)}/events?after=${last}`, { headers: headers(), signal });
      if (!res.ok || !res.body) throw await failure(res);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let event = "message";
          let id: string | undefined;
          const data: string[] = [];
          for (const line of block.split("\n")) {
            if (line.startsWith("event:")) event = line.slice(6).trim();
            else if (line.startsWith("id:")) id = line.slice(3).trim();
            else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
          }
          if (data.length === 0) continue;
          if (event === "end") {
            onEnd((JSON.parse(data.join("\n")) as { status: string }).status);
            return;
          }
          if (id !== undefined) last = Number(id);
          onEvent(JSON.parse(data.join("\n")) as LiveEvent, last);
        }
      }
      throw new Error("stream closed");
    } catch (err) {
      if (signal.aborted) return;
      if (err instanceof ApiError && err.status >= 400 && err.status < 500) {
        onEnd("unknown");
        return;
      }
      await new Promise((r) => setTimeout(r, Math.min(5000, 500 * 2 ** attempt)));
      if (!signal.aborted) await connect(attempt + 1);
    }
  };
  void connect(0);
}
