import { useCallback, useEffect, useRef, useState } from "react";
import { api, downloadFile, followEvents, openFile, type LiveEvent, type RunDetail } from "../api";
import { BitsChart } from "../components/bits-chart";
import { Breaks } from "../components/breaks";
import { DataCharts } from "../components/data-charts";
import { Exchanges } from "../components/exchanges";
import { History } from "../components/history";
import { LawMath } from "../components/law-math";
import { StatusBadge } from "../components/status-badge";
import { describeEvent } from "../events";
import { bits, fitWords, latexText, when } from "../format";
import { timing } from "../timing";

type Detail = RunDetail & { active: boolean };

/** One discovery, live: the current law, its history, the data, the breaks, and downloads. */
export function RunPage({ runId }: { runId: string }) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [log, setLog] = useState<string[]>([]);
  const [following, setFollowing] = useState(0);
  const [busy, setBusy] = useState(false);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

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
        setLog((l) => [...l.slice(-199), describeEvent(e)]);
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
          {detail.roundViews.length > 0 ? `round ${detail.roundViews[detail.roundViews.length - 1].round}` : "no round yet"}
          {detail.plannedRounds ? ` of ${detail.plannedRounds}` : ""}
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
              <LawMath latex={`${latexText(detail.output.name)} = ${law.latex}`} text={`${detail.output.name} = ${law.law}`} display label="current law" />
              <p className="law-stats">
                <span>{bits(law.bits)}</span> · <span>{fitWords(law.r2)}</span>
              </p>
              <p className="law-plain">
                As text: <code className="law-text">{law.law}</code>
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
              <code className="law-text">{detail.initialLaw}</code>.
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
      <Breaks detail={detail} />
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
