import { describe, expect, it } from "vitest";
import { checkBindAllowed, hostOfHeader, isLoopbackHost } from "../../src/server/bind.js";
import { startServer } from "../../src/server/server.js";
import { runCli } from "../helpers/cli.js";
import { FakeEngine } from "./fake-engine.js";
import { fakeApp, tempDir } from "./helpers.js";

const TOKEN = "correct-horse-battery-staple";

describe("binding", () => {
  it("knows which addresses stay on this machine", () => {
    for (const h of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]", "::ffff:127.0.0.1", "app.localhost"]) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ["0.0.0.0", "::", "192.168.1.4", "10.0.0.1", "example.org", "localhost.example.org", "128.0.0.1"]) expect(isLoopbackHost(h), h).toBe(false);
    expect(hostOfHeader("[::1]:4317")).toBe("::1");
    expect(hostOfHeader("localhost:80")).toBe("localhost");
    expect(hostOfHeader("example.org")).toBe("example.org");
  });

  it("refuses a non-loopback address without a token, before opening any socket", async () => {
    expect(() => checkBindAllowed("0.0.0.0", undefined)).toThrow(/refusing to listen on '0.0.0.0' without an access token/);
    expect(() => checkBindAllowed("0.0.0.0", "short")).toThrow(/at least 12 characters/);
    expect(() => checkBindAllowed("0.0.0.0", TOKEN)).not.toThrow();
    await expect(
      startServer({ engine: new FakeEngine(), host: "0.0.0.0", port: 0, dataDir: tempDir(), webRoot: tempDir(), version: "t" }),
    ).rejects.toThrow(/without an access token/);
    const cli = await runCli(["serve", "--host", "0.0.0.0", "--port", "0"]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/^worldbreaker: serve: refusing to listen on '0.0.0.0' without an access token/);
    expect(cli.stdout).toBe("");
  });

  it("rejects bad flags with one line", async () => {
    let cli = await runCli(["serve", "--port", "http"]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toBe("worldbreaker: serve: --port must be a number, got 'http'\n");
    cli = await runCli(["serve", "--port", "70000"]);
    expect(cli.stderr).toMatch(/--port must be at most 65535/);
    cli = await runCli(["serve", "extra"]);
    expect(cli.stderr).toMatch(/unexpected argument 'extra'/);
  });
});

describe("access token", () => {
  it("requires the bearer token on every API request", async () => {
    const { app } = fakeApp({ token: TOKEN });
    expect((await app.request("/api/info")).status).toBe(401);
    const wrong = await app.request("/api/info", { headers: { Authorization: "Bearer nope" } });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: string }).error).toBe("the access token is wrong");
    expect((await app.request(`/api/info?token=${TOKEN}`)).status).toBe(401);
    expect((await app.request("/api/info", { headers: { Cookie: `wb_token=${TOKEN}` } })).status).toBe(401);
    expect((await app.request("/api/info", { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await app.request("/api/runs", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" })).status).toBe(401);
  });

  it("lets the page in once with ?token= and then by same-site cookie", async () => {
    const { app } = fakeApp({ token: TOKEN });
    expect((await app.request("/")).status).toBe(401);
    const first = await app.request(`/?token=${TOKEN}`);
    expect(first.status).not.toBe(401);
    const cookie = first.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/wb_token=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect((await app.request("/assets/x.js", { headers: { Cookie: `wb_token=${TOKEN}` } })).status).not.toBe(401);
    expect((await app.request("/assets/x.js", { headers: { Cookie: "wb_token=guess" } })).status).toBe(401);
  });

  it("without a token, answers only requests addressed to this machine (no DNS rebinding)", async () => {
    const { app } = fakeApp();
    expect((await app.request("/api/info", { headers: { Host: "127.0.0.1:4317" } })).status).toBe(200);
    expect((await app.request("/api/info", { headers: { Host: "localhost:4317" } })).status).toBe(200);
    const evil = await app.request("/api/info", { headers: { Host: "attacker.example:4317" } });
    expect(evil.status).toBe(403);
  });

  it("enforces the token on a real listener and prints an address carrying it", async () => {
    const server = await startServer({ engine: new FakeEngine(), host: "127.0.0.1", port: 0, token: TOKEN, dataDir: tempDir(), webRoot: tempDir(), version: "t" });
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${TOKEN}`);
      expect((await fetch(new URL("/api/info", server.baseUrl))).status).toBe(401);
      const ok = await fetch(new URL("/api/info", server.baseUrl), { headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(ok.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("says plainly when the port is taken", async () => {
    const a = await startServer({ engine: new FakeEngine(), host: "127.0.0.1", port: 0, dataDir: tempDir(), webRoot: tempDir(), version: "t" });
    try {
      await expect(
        startServer({ engine: new FakeEngine(), host: "127.0.0.1", port: a.port, dataDir: tempDir(), webRoot: tempDir(), version: "t" }),
      ).rejects.toThrow(`serve: port ${a.port} on 127.0.0.1 is already in use`);
    } finally {
      await a.close();
    }
  });
});
