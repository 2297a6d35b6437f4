import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../../src/errors.js";
import { readUploadText } from "../../src/server/uploads.js";
import type { DiscoveryEngine, LiveEvent, RunDetail, RunHooks, StartSpec } from "../../src/server/contract.js";

interface FakeRun {
  id: string;
  world: string;
  seed: number;
  rounds: number;
  done: number;
  status: string;
  events: LiveEvent[];
  /** Whether the run's world is a command line. */
  external?: boolean;
}

/**
 * A small discovery engine for HTTP-layer tests: runs emit one round event every `tickMs`, honour the
 * abort signal, and resume where they stopped. It exercises the server's plumbing, not discovery.
 */
export class FakeEngine implements DiscoveryEngine {
  readonly runs = new Map<string, FakeRun>();
  private count = 0;
  constructor(private readonly tickMs = 20) {}

  worlds() {
    return [{ name: "toy", summary: "A toy.", description: "A toy world.", inputs: [{ name: "x", min: 0, max: 1 }], output: { name: "y" } }];
  }
  llmProfiles() {
    return [];
  }
  async inspectUpload(kind: "csv" | "staged", fileName: string, path: string) {
    const text = readUploadText(path, fileName);
    if (kind === "staged") {
      try {
        JSON.parse(text);
      } catch {
        throw new UserError(`${fileName}: not valid JSON`);
      }
      return { columns: ["strain"], rows: 1 };
    }
    const lines = text.trim().split(/\r?\n/);
    const columns = lines[0].split(",");
    if (lines.length < 2) throw new UserError(`${fileName}: no data rows`);
    return { columns, rows: lines.length - 1 };
  }
  private drive(run: FakeRun, hooks: RunHooks): Promise<void> {
    return new Promise((resolve) => {
      run.status = "running";
      const emit = (e: LiveEvent) => {
        run.events.push(e);
        hooks.onEvent(e);
      };
      emit({ type: "run_started", runId: run.id, resumed: run.done > 0 });
      const tick = () => {
        if (hooks.signal.aborted) {
          run.status = "aborted";
          return resolve();
        }
        if (run.done >= run.rounds) {
          run.status = "finished";
          emit({ type: "run_finished", runId: run.id });
          return resolve();
        }
        run.done += 1;
        emit({ type: "round_finished", runId: run.id, round: run.done });
        setTimeout(tick, this.tickMs);
      };
      setTimeout(tick, this.tickMs);
    });
  }
  startRun(spec: StartSpec, hooks: RunHooks) {
    const world = "name" in spec.world ? spec.world.name : "file" in spec.world ? spec.world.file : spec.world.external;
    if (world.includes("explode")) {
      const err = Promise.reject(new UserError("cannot open world 'explode'"));
      err.catch(() => {});
      return { runId: err, done: err };
    }
    const id = `run${++this.count}`;
    const run: FakeRun = { id, world, seed: spec.seed, rounds: spec.rounds, done: 0, status: "running", events: [], external: "external" in spec.world };
    this.runs.set(id, run);
    return { runId: Promise.resolve(id), done: this.drive(run, hooks) };
  }
  resumeRun(runId: string, hooks: RunHooks) {
    const run = this.runs.get(runId);
    if (!run) throw new UserError(`no run ${runId}`);
    return { runId: Promise.resolve(runId), done: this.drive(run, hooks) };
  }
  runWorld(runId: string) {
    const r = this.runs.get(runId);
    if (!r) return undefined;
    return r.external ? { external: r.world } : { name: r.world };
  }
  listRuns() {
    return [...this.runs.values()].map((r) => ({ runId: r.id, world: r.world, status: r.status, seed: r.seed, createdAt: "2026-01-01T00:00:00Z", rounds: r.done }));
  }
  runDetail(runId: string): RunDetail | undefined {
    const r = this.runs.get(runId);
    if (!r) return undefined;
    return {
      runId: r.id,
      world: r.world,
      status: r.status,
      seed: r.seed,
      createdAt: "2026-01-01T00:00:00Z",
      rounds: r.done,
      inputs: [{ name: "x", min: 0, max: 1 }],
      output: { name: "y" },
      plannedRounds: r.rounds,
      queries: r.done,
      roundViews: [],
      observations: [{ index: 0, round: 0, inputs: { x: 0.5 }, output: 1, predicted: 1, breaker: false }],
      exchanges: [],
    };
  }
  storedEvents(runId: string) {
    return this.runs.get(runId)?.events ?? [];
  }
  async writeReport(runId: string, dir: string) {
    mkdirSync(dir, { recursive: true });
    const html = join(dir, "report.html");
    writeFileSync(html, `<html><body>report of ${runId}</body></html>`);
    writeFileSync(join(dir, "metrics.csv"), "round,bits\n");
    writeFileSync(join(dir, "laws.json"), "[]");
    return { html, metricsCsv: join(dir, "metrics.csv"), lawsJson: join(dir, "laws.json") };
  }
  async explain(): Promise<never> {
    throw new UserError("the fake engine does not explain");
  }
  close() {}
}
