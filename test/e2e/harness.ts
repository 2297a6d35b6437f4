import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import type * as EngineModule from "../../src/server/discovery-engine.js";
import type * as ServerModule from "../../src/server/server.js";
import type { RunningServer } from "../../src/server/server.js";

/** Debian's Chromium, which `.ci/run` installs; playwright-core never downloads a browser. */
export const CHROMIUM = "/usr/bin/chromium";
/** Where screenshots and timings go (gitignored). */
export const OUTPUT = resolve("test-output/e2e");

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Fails loudly (never skips) when Chromium is missing, so CI cannot pass without running the browser tests. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`end-to-end tests need Chromium at ${CHROMIUM}; install it with 'apt-get install -y chromium' (.ci/run does this)`);
  }
}

/** Builds the web app into a fresh folder, so the tests always see the current sources. */
export async function buildWebApp(): Promise<string> {
  const { build } = await import("vite");
  const out = mkdtempSync(join(tmpdir(), "wb-web-dist-"));
  // vitest sets NODE_ENV=test, which would make vite bundle React's development build.
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ configFile: resolve("web/vite.config.ts"), logLevel: "silent", build: { outDir: out, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = before;
  }
  return out;
}

/**
 * A server over the real discovery engine with a fresh journal, from the compiled code in dist/ (as
 * `worldbreaker serve` runs it, discoveries in worker threads); `npm test` builds dist/ first.
 */
export async function startRealServer(webRoot: string, opts: { token?: string } = {}): Promise<RunningServer & { storeDir: string }> {
  const dist = resolve("dist/server");
  if (!existsSync(join(dist, "run-worker.js"))) throw new Error(`the compiled server is missing (${dist}); run 'npm run build' first`);
  const { createDiscoveryEngine } = (await import(pathToFileURL(join(dist, "discovery-engine.js")).href)) as typeof EngineModule;
  const { startServer } = (await import(pathToFileURL(join(dist, "server.js")).href)) as typeof ServerModule;
  const storeDir = mkdtempSync(join(tmpdir(), "wb-e2e-store-"));
  const engine = createDiscoveryEngine({ storeDir, env: {}, cwd: storeDir, explainThreads: 1 });
  const server = await startServer({
    engine,
    host: "127.0.0.1",
    port: 0,
    ...(opts.token ? { token: opts.token } : {}),
    dataDir: join(storeDir, "web"),
    webRoot,
    version: "e2e",
  });
  return { ...server, storeDir };
}

/** A headless Chromium with a throwaway profile; `close` removes the profile. */
export async function launchBrowser(): Promise<{ context: BrowserContext; page: Page; close: () => Promise<void> }> {
  requireChromium();
  const profile = mkdtempSync(join(tmpdir(), "wb-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot under test-output/e2e/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT, { recursive: true });
  const path = join(OUTPUT, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
