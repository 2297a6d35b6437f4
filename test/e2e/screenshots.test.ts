import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { buildWebApp, launchBrowser, requireChromium, startRealServer } from "./harness.js";

/**
 * Pictures of every page at a laptop size (1366×768), as a person first sees them: the start page, a
 * run while it is live, the finished run, the explain page with its front, and the report. They go to
 * WB_SCREENSHOTS (for instance docs/img) or to test-output/screens; each also asserts what a reader
 * needs on that page, so the pictures are never of a broken page.
 */
const DIR = resolve(process.env.WB_SCREENSHOTS ?? "test-output/screens");
// Taking the pictures repeats test/e2e/web.test.ts's double-slit run (about 30 s): it is a tool for refreshing
// docs/img, run on purpose with WB_SCREENSHOTS set, not part of every `npm test`.
const ENABLED = process.env.WB_SCREENSHOTS !== undefined;
const SUFFIX = process.env.WB_SCREENSHOT_SUFFIX ?? "";
let server: Awaited<ReturnType<typeof startRealServer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

beforeAll(async () => {
  if (!ENABLED) return;
  requireChromium();
  const webRoot = await buildWebApp();
  server = await startRealServer(webRoot);
  browser = await launchBrowser();
  page = browser.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  mkdirSync(DIR, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function shot(name: string, fullPage = true): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: join(DIR, `${name}${SUFFIX}.png`), fullPage });
}

describe.skipIf(!ENABLED)("pictures of each page at 1366×768 (set WB_SCREENSHOTS=docs/img to take them)", () => {
  it("start page, live run, finished run and its report", async () => {
    await page.goto(server.url);
    await page.getByRole("button", { name: "Start discovery" }).waitFor();
    await shot("web-start", false);
    await page.getByLabel("Experiment", { exact: true }).selectOption("double-slit");
    await page.getByRole("button", { name: "Start discovery" }).click();
    await page.waitForURL(/#\/runs\/double-slit-/);
    await page.locator(".current .law-text").first().waitFor({ timeout: 60_000 });
    await shot("web-run-live", false);
    await page.locator("h1 .badge", { hasText: "finished" }).waitFor({ timeout: 150_000 });
    await page.locator("table.history tbody tr").last().waitFor();
    await page.waitForTimeout(1200);
    await shot("web-run");
    const runId = /#\/runs\/(.+)$/.exec(page.url())?.[1] ?? "";
    expect(runId).toMatch(/^double-slit-/);

    // The report, written from the journal by the compiled code, opened from disk as a reader would.
    const { RunStore } = (await import(pathToFileURL(resolve("dist/journal/index.js")).href)) as typeof import("../../src/journal/index.js");
    const { writeReport } = (await import(pathToFileURL(resolve("dist/report/index.js")).href)) as typeof import("../../src/report/index.js");
    const store = RunStore.open(server.storeDir);
    const dir = mkdtempSync(join(tmpdir(), "wb-report-"));
    const files = writeReport(store, runId, dir);
    store.close();
    expect(readFileSync(files.html, "utf8")).toContain("<h2>Outcome</h2>");
    await page.goto(pathToFileURL(files.html).href);
    await shot("report", false);
    // A report is long: a second picture from the first break on, at the same size.
    await page.locator("h3", { hasText: "Round 1" }).scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector("h3:nth-of-type(1)") && window.scrollBy(0, 0));
    await page.locator("h3", { hasText: "Round 1" }).evaluate((h) => h.scrollIntoView({ block: "start" }));
    await shot("report-rounds", false);
  }, 200_000);

  it("explain page with its front", async () => {
    await page.goto(`${server.baseUrl}#/explain`);
    await page.getByLabel("CSV table").setInputFiles(resolve("examples/pendulum.csv"));
    await page.getByText(/Read pendulum\.csv/).waitFor();
    await page.getByLabel("Column to explain").selectOption("period");
    await page.getByLabel("Search time (seconds)").fill("4");
    await page.getByRole("button", { name: "Find a law" }).click();
    await page.getByRole("heading", { name: "Best law" }).waitFor({ timeout: 40_000 });
    await page.waitForTimeout(500);
    await shot("web-explain");
  }, 60_000);
});
