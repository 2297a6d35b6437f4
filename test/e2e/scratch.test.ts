import { it } from "vitest";
import { buildWebApp, launchBrowser, screenshot } from "./harness.js";
import { startServer } from "../../src/server/server.js";
import { FakeEngine } from "../server/fake-engine.js";
import { tempDir } from "../server/helpers.js";

it("scratch", async () => {
  const web = await buildWebApp();
  const server = await startServer({ engine: new FakeEngine(200), host: "127.0.0.1", port: 0, token: "abcdefghijklmnop", dataDir: tempDir(), webRoot: web, version: "x" });
  const b = await launchBrowser();
  const errors: string[] = [];
  b.page.on("console", (m) => errors.push(`${m.type()}: ${m.text()}`));
  b.page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  await b.page.goto(server.url);
  await b.page.getByRole("button", { name: "Start discovery" }).waitFor();
  console.log("url after load", b.page.url());
  await screenshot(b.page, "scratch-home");
  await b.page.getByRole("button", { name: "Start discovery" }).click();
  await b.page.waitForURL(/#\/runs\//);
  await b.page.waitForTimeout(1500);
  await screenshot(b.page, "scratch-run");
  console.log(errors.join("\n"));
  await b.close();
  await server.close();
});
