import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

describe("worldbreaker serve", () => {
  it("prints the address to open, answers there, and stops cleanly on Ctrl-C", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "wb-serve-"));
    const controller = new AbortController();
    let stdout = "";
    let stderr = "";
    let announced!: (url: string) => void;
    const ready = new Promise<string>((r) => (announced = r));
    const exit = main(["serve", "--port", "0"], {
      stdout: (t) => {
        stdout += t;
        const m = /open (http:\/\/\S+)/.exec(stdout);
        if (m) announced(m[1]);
      },
      stderr: (t) => (stderr += t),
      cwd,
      env: {},
      signal: controller.signal,
    });
    const url = await ready;
    expect(stdout).toMatch(/^worldbreaker is ready: open http:\/\/127\.0\.0\.1:\d+\/\n$/);
    expect(stderr).toContain(join(cwd, ".wb-runs"));
    const info = (await (await fetch(new URL("/api/info", url))).json()) as { worlds: { name: string }[] };
    expect(info.worlds.map((w) => w.name)).toContain("double-slit");
    controller.abort();
    expect(await exit).toBe(0);
    await expect(fetch(new URL("/api/info", url))).rejects.toThrow();
  });

  it("prints an address carrying the token when one is set", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "wb-serve-"));
    const controller = new AbortController();
    let stdout = "";
    let announced!: () => void;
    const ready = new Promise<void>((r) => (announced = r));
    const exit = main(["serve", "--port", "0", "--host", "0.0.0.0"], {
      stdout: (t) => {
        stdout += t;
        if (stdout.includes("\n")) announced();
      },
      stderr: () => {},
      cwd,
      env: { WORLDBREAKER_TOKEN: "a-long-enough-secret" },
      signal: controller.signal,
    });
    await ready;
    expect(stdout).toMatch(/open http:\/\/127\.0\.0\.1:\d+\/\?token=a-long-enough-secret\n$/);
    controller.abort();
    expect(await exit).toBe(0);
  });
});
