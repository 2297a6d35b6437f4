/**
 * The instant OpenAI-compatible stub the `llm` benchmark talks to, run in its own process so that its
 * work never competes with the client's event loop. It prints its port on stdout, then answers:
 * - schema `bench_answer`: a fixed valid answer (orchestration overhead);
 * - `explainer_candidates`, `breaker_experiments`, `critic_verdict`: a scripted useful proposal for the
 *   tensile reloading stage (the history variable cummax(strain)), so discovery can be measured end to end;
 * - any request for model `garbage`: prose instead of JSON.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const answers: Record<string, unknown> = {
  bench_answer: { value: 1, note: "ok" },
  explainer_candidates: {
    candidates: [
      {
        law: "E*strain + H*strain_max + s0",
        derived: [{ name: "strain_max", definition: "cummax(strain)" }],
        rationale: "past yield, unloading and reloading follow the elastic slope shifted by the plastic strain, which grows with the largest strain reached so far",
      },
    ],
  },
  critic_verdict: { unitsConsistent: true, physicallyPlausible: true, issues: [] },
};

function breakerAnswer(body: { response_format?: { json_schema?: { schema?: { properties?: { experiments?: { items?: { properties?: { inputs?: { properties?: Record<string, unknown> } } } } } } } } }): unknown {
  const names = Object.keys(body.response_format?.json_schema?.schema?.properties?.experiments?.items?.properties?.inputs?.properties ?? {});
  return { experiments: [{ inputs: Object.fromEntries(names.map((n) => [n, 1e9])), hypothesis: "the law must fail at the far edge of the space" }] };
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
    } catch (err) {
      // an unparsable request gets the default answer
      if (!(err instanceof SyntaxError)) throw err;
    }
    const name = (body.response_format as { json_schema?: { name?: string } } | undefined)?.json_schema?.name ?? "bench_answer";
    const value = name === "breaker_experiments" ? breakerAnswer(body as never) : (answers[name] ?? answers.bench_answer);
    // Model "garbage" plays a model that ignores the schema, for the rejected-proposal scenario.
    const content = body.model === "garbage" ? "I think the stress depends on the strain somehow." : JSON.stringify(value);
    const out = JSON.stringify({
      id: "stub",
      object: "chat.completion",
      created: 0,
      model: "stub",
      choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
      usage: usage(chunks.reduce((a, c) => a + c.length, 0), content.length),
    });
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(out) });
    res.end(out);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();

function usage(requestBytes: number, answerChars: number) {
  const prompt_tokens = Math.ceil(requestBytes / 4);
  const completion_tokens = Math.ceil(answerChars / 4);
  return { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens };
}
