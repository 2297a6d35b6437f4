import { useCallback, useEffect, useRef, useState } from "react";
import { api, downloadFile, followEvents, openFile, type LiveEvent, type RunDetail } from "../api";
import { BitsChart } from "../components/bits-chart";
import { Breaks } from "../components/breaks";
import { BreakMap } from "../components/break-map";
import { DataCharts } from "../components/data-charts";
import { Exchanges } from "../components/exchanges";
import { History } from "../components/history";
import { LawMath } from "../components/law-math";
import { StatusBadge } from "../components/status-badge";
import { describeEvent } from "../events";
import { bits, fitWords, latexText, when } from "../format";
import { timing } from "../timing";
import { formatConstant, roundLawText, shownConstants } from "../../../src/expr/significant";
import { nextSteps, roundsPhrase } from "../../../src/report/words";

type Detail = RunDetail & { active: boolean };

/** One discovery, live: the current law, its history, the data, the breaks, and downloads. */
export function RunPage({ runId }: { runId: string }) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [log, setLog] = useState<string[]>([]);
  const [following, setFollowing] = useState(0);
  const [busy, setBusy] = useState(false);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The latest detail, for reading live events against the current law without re-subscribing.
  const latest = useRef<Detail | null>(null);
  latest.current = detail;

  const load = useCallback(async () => {
    try {
      setDetail(await api<Detail>(`/api/runs/${runId}`));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [runId]);

  // Refetch the run at most once a second while events pour in: enough for a person, light on a busy machine.
  const refresh = useCallback(() => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void load();
    }, 1000);
  }, [load]);

  useEffect(() => {
    const ac = new AbortController();
    setLog([]);
    void load();
    followEvents(
      runId,
      (e: LiveEvent) => {
        const t = timing();
        if (t.pressedAt !== undefined && t.firstEventAt === undefined) t.firstEventAt = performance.now();
        const d = latest.current;
        setLog((l) => [...l.slice(-199), describeEvent(e, { ...(d?.currentLaw ? { currentLaw: d.currentLaw.law } : {}), variables: [...(d?.inputs.map((i) => i.name) ?? []), ...Object.keys(d?.currentLaw?.derived ?? {})] })]);
        refresh();
      },
      () => {
        void load();
      },
      ac.signal,
    );
    return () => {
      ac.abort();
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
    };
  }, [runId, load, refresh, following]);

  const act = async (what: "stop" | "resume") => {
    setBusy(true);
    try {
      await api(`/api/runs/${runId}/${what}`, { method: "POST", body: {} });
      if (what === "resume") setFollowing((n) => n + 1);
      await load();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const get = (path: string, name: string) => downloadFile(`/api/runs/${runId}/${path}`, `${runId}-${name}`).catch((e: Error) => setError(e.message));

  if (!detail) {
    return error ? (
      <p className="error" role="alert">
        {error}
      </p>
    ) : (
      <p className="muted">Loading the discovery…</p>
    );
  }
  const law = detail.currentLaw;
  const lastRound = detail.roundViews.length > 0 ? detail.roundViews[detail.roundViews.length - 1].round : null;
  const constants = shownConstants(law);
  const next =
    law && detail.status !== "running"
      ? nextSteps({
          inputs: detail.inputs,
          measured: Object.fromEntries(detail.inputs.map((i) => [i.name, detail.observations.map((o) => o.inputs[i.name])])),
          r2: law.r2,
          constants,
          ...(detail.receivedTheory ? { receivedTheory: detail.receivedTheory, falsified: Boolean(detail.falsification) } : {}),
        })
      : [];
  const running = detail.status === "running" && detail.active;
  return (
    <div className="stack">
      <section className="card" aria-labelledby="run-title">
        <div className="card-head">
          <h1 id="run-title">
            {detail.world} <StatusBadge status={detail.status} />
          </h1>
          <div className="actions">
            {running && (
              <button type="button" disabled={busy} onClick={() => void act("stop")}>
                Stop
              </button>
            )}
            {!running && detail.status !== "finished" && (
              <button type="button" disabled={busy} onClick={() => void act("resume")}>
                Resume
              </button>
            )}
          </div>
        </div>
        <p className="muted">
          Started {when(detail.createdAt)} · seed {detail.seed} · {detail.queries} measurements ·{" "}
          {lastRound === null ? "no round yet" : lastRound === 0 ? "the first measurements" : `the first measurements, then ${roundsPhrase(lastRound)}`}
          {detail.plannedRounds ? (lastRound === 0 || lastRound === null ? `; up to ${detail.plannedRounds} rounds of experiments follow` : ` (of at most ${detail.plannedRounds})`) : ""}
        </p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {detail.error && (
          <p className="error" role="alert">
            The discovery failed: {detail.error}
          </p>
        )}
        <div className="current" aria-live="polite">
          <h2>{detail.status === "finished" ? "Law found" : "Current law"}</h2>
          {law ? (
            <>
              <LawMath latex={`${latexText(detail.output.name)} = ${law.latex}`} text={`${detail.output.name} = ${roundLawText(law.law)}`} display label="current law" />
              {constants.length > 0 && <p className="constants">Constants: {constants.map((c) => formatConstant(c)).join(", ")}</p>}
              <p className="law-stats">
                <span>{fitWords(law.r2)}</span>
              </p>
              <p className="muted" title={bits(law.bits)}>
                Description length: {bits(law.bits)} to write down the law and what it leaves unexplained in the {detail.queries} measurements.
              </p>
              <p className="law-plain">
                As text (5 significant figures; every digit in Laws (JSON)): <code className="law-text" title={law.law}>{roundLawText(law.law)}</code>
              </p>
              {law.derived && Object.keys(law.derived).length > 0 && (
                <p className="muted">
                  where{" "}
                  {Object.entries(law.derived)
                    .map(([k, v]) => `${k} = ${v}`)
                    .join(", ")}
                </p>
              )}
            </>
          ) : (
            <p className="muted">Waiting for the first law…</p>
          )}
          {detail.initialLaw && detail.initialLaw !== law?.law && (
            <p className="muted">
              Started from {detail.receivedTheory ? "the textbook law" : "the law that first explained the data"}{" "}
              <code className="law-text" title={detail.initialLaw}>{roundLawText(detail.initialLaw)}</code>.
            </p>
          )}
          {detail.receivedTheory && detail.falsification && (
            <p className="verdict">
              The textbook law was proved wrong in round {detail.falsification.round}, after {detail.falsification.queries} measurements: the new measurements
              disagree with it far beyond what measurement noise explains ({Math.round(detail.falsification.gainBits)} bits of evidence).
            </p>
          )}
          {detail.receivedTheory && detail.falsification === null && detail.roundViews.length > 1 && (
            <p className="verdict">The textbook law has survived every experiment so far.</p>
          )}
        </div>
        <div className="downloads" role="group" aria-label="Downloads">
          <button type="button" onClick={() => void openFile(`/api/runs/${runId}/report.html`).catch((e: Error) => setError(e.message))}>
            Open report
          </button>
          <button type="button" onClick={() => void get("report.html?download", "report.html")}>
            Download report
          </button>
          <button type="button" onClick={() => void get("data.csv", "data.csv")}>
            Download data (CSV)
          </button>
          <button type="button" onClick={() => void get("laws.json?download", "laws.json")}>
            Laws (JSON)
          </button>
          <button type="button" onClick={() => void get("metrics.csv?download", "metrics.csv")}>
            Metrics (CSV)
          </button>
        </div>
      </section>
      {next.length > 0 && (
        <section className="card" aria-labelledby="next-title">
          <h2 id="next-title">What to do next</h2>
          <ul className="next">
            {next.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      )}
      <Breaks detail={detail} />
      <BreakMap detail={detail} />
      <DataCharts detail={detail} />
      <div className="two">
        <BitsChart detail={detail} />
        <section className="card" aria-labelledby="log-title">
          <h2 id="log-title">What is happening</h2>
          <p className="hint">Newest first.</p>
          <ul className="log" aria-live="polite" aria-relevant="additions">
            {log.length === 0 && <li className="muted">{running ? "Waiting for news…" : "Nothing live: this discovery is not running."}</li>}
            {log
              .slice(-40)
              .reverse()
              .map((l, i) => (
                <li key={log.length - i}>{l}</li>
              ))}
          </ul>
        </section>
      </div>
      <History detail={detail} />
      <Exchanges detail={detail} />
    </div>
  );
}
