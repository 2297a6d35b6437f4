import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp, type AppOptions } from "../../src/server/app.js";
import { FakeEngine } from "./fake-engine.js";

/** A fresh temporary folder. */
export function tempDir(prefix = "wb-server-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** An app over the fake engine, with overridable options. */
export function fakeApp(opts: Partial<AppOptions> = {}) {
  const engine = (opts.engine as FakeEngine | undefined) ?? new FakeEngine();
  const parts = createApp({ engine, dataDir: tempDir(), webRoot: tempDir("wb-web-"), version: "0.0.0-test", ...opts });
  return { ...parts, engine };
}

/** One server-sent event. */
export interface SseMessage {
  event: string;
  id?: string;
  data: string;
}

/** Reads a server-sent-event stream until it ends (or `max` messages arrived). */
export async function readSse(res: Response, max = Infinity): Promise<SseMessage[]> {
  const out: SseMessage[] = [];
  const reader = (res.body as ReadableStream<Uint8Array>).pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>).getReader();
  let buf = "";
  while (out.length < max) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += value;
    let cut: number;
    while ((cut = buf.indexOf("\n\n")) >= 0) {
      const block = buf.slice(0, cut);
      buf = buf.slice(cut + 2);
      const msg: SseMessage = { event: "message", data: "" };
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) msg.event = line.slice(6).trim();
        else if (line.startsWith("id:")) msg.id = line.slice(3).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
      }
      if (data.length === 0) continue;
      msg.data = data.join("\n");
      out.push(msg);
    }
  }
  await reader.cancel().catch(() => {});
  return out;
}

/** JSON request options. */
export function json(body: unknown, extra: Record<string, string> = {}): RequestInit {
  return { method: "POST", headers: { "Content-Type": "application/json", ...extra }, body: JSON.stringify(body) };
}
