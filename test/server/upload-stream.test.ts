import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeApp } from "./helpers.js";

/** A request body that arrives in chunks, without a declared length. */
function chunked(text: string, chunk = 100): RequestInit {
  const bytes = new TextEncoder().encode(text);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += chunk) controller.enqueue(bytes.subarray(i, i + chunk));
      controller.close();
    },
  });
  return { method: "POST", body, duplex: "half" } as RequestInit;
}

describe("uploads streamed to disk", () => {
  it("stores a chunked upload whole, and refuses one past the cap with a 413 and nothing left behind", async () => {
    const { app, uploads } = fakeApp({ maxUploadBytes: 1000 });
    let res = await app.request("/api/uploads?name=ok.csv", chunked("x,y\n" + "1,2\n".repeat(200)));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ columns: ["x", "y"], rows: 200, bytes: 804 });
    res = await app.request("/api/uploads?name=big.csv", chunked("x,y\n" + "1,2\n".repeat(400)));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/larger than this server accepts/);
    expect(readdirSync(uploads.dir).map((id) => readdirSync(join(uploads.dir, id)).includes("big.csv"))).not.toContain(true);
  });
});
