import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { buildWebApp, launchBrowser, OUTPUT, requireChromium, screenshot, startRealServer } from "./harness.js";

// Chromium must be present: without it these tests fail (in beforeAll) instead of being skipped.
const suiteStart = Date.now();
const timings: Record<string, number> = {};
let webRoot = "";
let server: Awaited<ReturnType<typeof startRealServer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

beforeAll(async () => {
  requireChromium();
  webRoot = await buildWebApp();
  server = await startRealServer(webRoot);
  browser = await launchBrowser();
  page = browser.page;
  page.on("pageerror", (e) => {
    throw new Error(`the page threw: ${e.message}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  timings.suiteSeconds = (Date.now() - suiteStart) / 1000;
  mkdirSync(OUTPUT, { recursive: true });
  writeFileSync(join(OUTPUT, "timings.json"), JSON.stringify(timings, null, 2) + "\n");
});

/** A table whose law is y = 2.5·x² + 1, with a second, irrelevant column. */
function quadraticCsv(): string {
  const rows = ["x (m),z,y"];
  for (let i = 0; i < 60; i++) {
    const x = 0.5 + (i * 2.5) / 59;
    const z = ((i * 37) % 11) / 10;
    rows.push(`${x},${z},${2.5 * x * x + 1}`);
  }
  return rows.join("\n") + "\n";
}

describe("the web app in Chromium", () => {
  it("runs double-slit from the page and ends at the interference law with a break", async () => {
    // Page weight as a browser sees it: every response of the first view, compressed sizes as transferred.
    const loads: Promise<number>[] = [];
    const onResponse = (r: import("playwright-core").Response) => loads.push(r.request().sizes().then((z) => z.responseBodySize + z.responseHeadersSize));
    page.on("response", onResponse);
    await page.goto(server.url);
    await page.getByRole("button", { name: "Start discovery" }).waitFor();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    page.off("response", onResponse);
    timings.firstViewRequests = loads.length;
    timings.firstViewBytes = (await Promise.all(loads)).reduce((a, b) => a + b, 0);
    await page.getByLabel("Experiment", { exact: true }).selectOption("double-slit");
    // The defaults a new user gets: 8 rounds at most, the loop's own thinking time per round.
    const pressed = Date.now();
    await page.getByRole("button", { name: "Start discovery" }).click();
    await page.waitForURL(/#\/runs\/double-slit-/);
    // Generous: the run is short, but a shared machine can be slow.
    await page.locator("h1 .badge", { hasText: "finished" }).waitFor({ timeout: 200_000 });
    await page.locator("table.history tbody tr").last().waitFor();
    await screenshot(page, "double-slit-run");
    const t = (await page.evaluate(() => (window as unknown as { wbTiming?: unknown }).wbTiming)) as { pressedAt?: number; firstEventAt?: number } | undefined;
    expect(t?.pressedAt).toBeDefined();
    expect(t?.firstEventAt).toBeDefined();
    timings.pressToFirstEventMs = (t?.firstEventAt as number) - (t?.pressedAt as number);
    timings.doubleSlitRunSeconds = (Date.now() - pressed) / 1000;

    const law = await page.locator(".current .law-text").first().innerText();
    // Constants are shown to 5 significant figures; every digit stays in the title and the downloads.
    for (const lit of law.match(/\d+\.\d+/g) ?? []) expect(lit.replace(/^0\.0*/, "").replace(".", "").length).toBeLessThanOrEqual(5);
    expect((await page.locator(".current .law-text").first().getAttribute("title"))?.length ?? 0).toBeGreaterThan(law.length);
    // The round count reads the same in the header and in the history table.
    const lastRound = (await page.locator("table.history tbody tr").last().locator("td").first().innerText()).trim();
    expect(await page.locator("p.muted", { hasText: /· seed \d+ ·/ }).innerText()).toContain(`then ${lastRound} rounds of experiments`);
    await page.getByRole("heading", { name: "What to do next" }).waitFor();
    // The first break on a map of the experiment space, the measurements the old law misses marked.
    await page.getByRole("heading", { name: "Where the old law fails" }).waitFor();
    expect(await page.locator("#break-map-title ~ figure svg path.stroke-breaker").count()).toBeGreaterThan(0);
    // Live events are sentences, never raw type names.
    expect(await page.locator("ul.log").innerText()).not.toMatch(/_/);
    // Interference: fringes (a cosine or sine) whose spacing depends on slit separation and wavelength.
    expect(law).toMatch(/cos|sin/);
    expect(law).toMatch(/\bd\b/);
    expect(law).toMatch(/\blambda\b/);
    await expect.poll(() => page.locator(".current .katex").count()).toBeGreaterThan(0);
    const breaks = page.locator("ol.breaks li");
    expect(await breaks.count()).toBeGreaterThan(0);
    expect(await breaks.first().innerText()).toMatch(/predicts counts = .* was observed/);
    expect(await page.locator(".verdict").innerText()).toMatch(/The textbook law was proved wrong in round \d+, after \d+ measurements/);
    expect(await page.locator("svg .mark-breaker").count()).toBeGreaterThan(0);
    expect(await page.locator("table.history tbody tr").count()).toBeGreaterThan(2);

    // Downloads carry the token-free session and the run's data.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download data (CSV)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/double-slit-.*-data\.csv$/);

    await page.goto(server.url);
    await expect.poll(() => page.locator("table.runs tbody tr").count()).toBe(1);
    expect(await page.locator("table.runs tbody tr").first().innerText()).toMatch(/finished/);
  }, 240_000);

  it("uploads a CSV on the explain page, shows the front of laws and lets one be picked", async () => {
    await page.goto(`${server.baseUrl}#/explain`);
    await page.getByLabel("CSV table").setInputFiles({ name: "quadratic.csv", mimeType: "text/csv", buffer: Buffer.from(quadraticCsv()) });
    await page.getByText("Read quadratic.csv: 60 rows").waitFor();
    await page.getByLabel("Column to explain").selectOption("y");
    await page.getByLabel("Search time (seconds)").fill("3");
    const t0 = Date.now();
    await page.getByRole("button", { name: "Find a law" }).click();
    await page.getByRole("heading", { name: "Best law" }).waitFor({ timeout: 30_000 });
    timings.explainSeconds = (Date.now() - t0) / 1000;
    const best = await page.locator(".law-stats .law-text").innerText();
    expect(best).toMatch(/x/);
    expect(best).not.toMatch(/\bz\b/);
    const options = page.getByRole("radio");
    const n = await options.count();
    expect(n).toBeGreaterThan(1);
    expect(await page.locator("svg .pickable").count()).toBe(n);
    await screenshot(page, "explain");
    // A header with a unit is accepted and its law name stated; predicted-against-measured has its y = x line.
    expect(await page.locator(".mapping").innerText()).toContain("“x (m)” is x (in m)");
    expect(await page.locator("svg .diagonal").count()).toBeGreaterThan(0);
    // Exports: the chosen law as Python/NumPy, and the front as CSV, with every digit.
    const [py] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Law (Python/NumPy)" }).click()]);
    expect(py.suggestedFilename()).toBe("y_law.py");
    const pyText = readFileSync((await py.path()) as string, "utf8");
    expect(pyText).toMatch(/^import numpy as np/);
    expect(pyText).toMatch(/def y\(x\):/);
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Front (CSV)" }).click()]);
    expect(readFileSync((await csv.path()) as string, "utf8").split("\n")[0]).toBe("complexity,bits,r2,rmse,law");
    // Test my own law: scored on the same table.
    await page.getByLabel("Test my own law").fill("a*x^2 + b");
    await page.getByRole("button", { name: "Score it" }).click();
    await page.locator(".own-score .own-stats").waitFor();
    expect(await page.locator(".own-score .own-stats").innerText()).toMatch(/Your law, fitted: .*2\.5\*x\^2.* · explains 100/);
    // Picking the simplest law of the front shows that law instead.
    await options.first().check();
    await page.getByRole("heading", { name: "Law you picked" }).waitFor();
    const simplest = await page.locator("fieldset.front .law-text").first().innerText();
    expect(await page.locator(".law-stats .law-text").innerText()).toBe(simplest);
    expect(simplest).not.toBe(best);
  });

  it("with an access token, takes it from the address once and hides it", async () => {
    const token = "e2e-token-0123456789";
    const guarded = await startRealServer(webRoot, { token });
    try {
      const denied = await page.goto(guarded.baseUrl);
      expect(denied?.status()).toBe(401);
      await page.goto(guarded.url);
      await page.getByRole("button", { name: "Start discovery" }).waitFor();
      expect(page.url()).not.toContain("token");
      await page.getByText("None yet. Start one above.").waitFor();
    } finally {
      await guarded.close();
    }
  });
});
