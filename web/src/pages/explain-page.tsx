import { useEffect, useRef, useState } from "react";
import { api, type ExplainView, type ServerInfo, type UploadInfo } from "../api";
import { Chart } from "../components/chart";
import { LawMath } from "../components/law-math";
import { UploadField } from "../components/upload-field";
import { bits, fitWords, fmt, latexText } from "../format";

/** Explain a table: upload a CSV, choose the column to explain, and pick a law from the front of simplest-to-most-accurate. */
export function ExplainPage({ info }: { info: ServerInfo }) {
  const [upload, setUpload] = useState<UploadInfo | null>(null);
  const [target, setTarget] = useState("");
  const [seconds, setSeconds] = useState("10");
  const [result, setResult] = useState<ExplainView | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [xName, setXName] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => {
    if (!busy) return;
    const t0 = Date.now();
    const t = setInterval(() => setElapsed(Math.floor((Date.now() - t0) / 1000)), 500);
    return () => clearInterval(t);
  }, [busy]);

  const run = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!upload) return setError("Choose a CSV file first.");
    setError(null);
    setResult(null);
    setBusy(true);
    setElapsed(0);
    abort.current = new AbortController();
    try {
      const r = await api<ExplainView>("/api/explain", {
        body: { uploadId: upload.id, target, seconds: Number(seconds) },
        signal: abort.current.signal,
      });
      setResult(r);
      const best = r.pareto.findIndex((p) => p.law === r.law);
      setPicked(best >= 0 ? best : null);
    } catch (err) {
      if ((err as Error).name !== "AbortError") setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const chosen = result && picked !== null ? result.pareto[picked] : null;
  const inputNames = result ? Object.keys(result.sample.inputs) : [];
  const firstInput = xName && inputNames.includes(xName) ? xName : inputNames[0];

  return (
    <div className="stack">
      <form className="card" onSubmit={(e) => void run(e)} aria-labelledby="explain-title">
        <h1 id="explain-title">Explain a table</h1>
        <p className="muted">
          Upload measurements as a CSV table with a header row. The program searches for formulas that predict one column from the others and
          shows the best formula at each level of complexity, from the simplest to the most accurate.
        </p>
        <UploadField
          label="CSV table"
          accept=".csv,text/csv"
          hint="Numbers only, one measurement per row, column names in the first row."
          maxBytes={info.maxUploadBytes}
          onUploaded={(u) => {
            setUpload(u && u.kind === "csv" ? u : null);
            setTarget(u && u.kind === "csv" ? (u.columns[u.columns.length - 1] ?? "") : "");
            setResult(null);
            if (u && u.kind !== "csv") setError("That is a staged dataset; this page explains CSV tables. Start a discovery with it instead.");
          }}
        />
        {upload && (
          <div className="row">
            <div className="field small">
              <label htmlFor="target">Column to explain</label>
              <select id="target" value={target} onChange={(e) => setTarget(e.target.value)}>
                {upload.columns.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </div>
            <div className="field small">
              <label htmlFor="seconds">Search time (seconds)</label>
              <input id="seconds" type="number" min={1} max={120} value={seconds} onChange={(e) => setSeconds(e.target.value)} />
            </div>
          </div>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !upload}>
            {busy ? `Searching… ${elapsed} s` : "Find a law"}
          </button>
          {busy && (
            <button type="button" onClick={() => abort.current?.abort()}>
              Cancel
            </button>
          )}
        </div>
      </form>
      {result && (
        <>
          <section className="card" aria-labelledby="best-title">
            <h2 id="best-title">{chosen && chosen.law !== result.law ? "Law you picked" : "Best law"}</h2>
            {chosen ? (
              <>
                <LawMath latex={`${latexText(result.target)} = ${chosen.latex}`} text={`${result.target} = ${chosen.law}`} display label="chosen law" />
                <p className="law-stats">
                  {result.target} = <code className="law-text">{chosen.law}</code> · {bits(chosen.bits)} · {fitWords(chosen.r2)} · typical error {fmt(chosen.rmse)}
                </p>
              </>
            ) : (
              <LawMath latex={`${latexText(result.target)} = ${result.latex}`} text={`${result.target} = ${result.law}`} display label="best law" />
            )}
            <p className="muted">
              Searched {result.evaluations.toLocaleString("en")} formulas in {fmt(result.seconds, 3)} s. The best law is the one with the shortest
              description: the formula plus what it leaves unexplained.
            </p>
          </section>
          <div className="two">
            <section className="card" aria-labelledby="front-title">
              <h2 id="front-title">Simplest to most accurate</h2>
              <p className="muted">Each point is the best formula of its complexity. Click one to see it.</p>
              <Chart
                title="Complexity versus error"
                xLabel="complexity (size of the formula)"
                yLabel="typical error (RMSE)"
                series={[{ label: "formulas", points: result.pareto.map((p) => ({ x: p.complexity, y: p.rmse })), kind: "points", tone: "law", shape: "circle" }]}
                onPick={(_s, i) => setPicked(i)}
                picked={picked === null ? null : { series: 0, point: picked }}
              />
              <fieldset className="front">
                <legend>Pick a law</legend>
                {result.pareto.map((p, i) => (
                  <label key={i} className="choice">
                    <input type="radio" name="front" checked={picked === i} onChange={() => setPicked(i)} />
                    <span>
                      <code className="law-text">{p.law}</code>{" "}
                      <span className="muted">
                        (complexity {p.complexity}, {bits(p.bits)}, {fitWords(p.r2)}){p.law === result.law ? " — shortest description" : ""}
                      </span>
                    </span>
                  </label>
                ))}
              </fieldset>
            </section>
            {chosen && firstInput && (
              <section className="card" aria-labelledby="fit-title">
                <div className="card-head">
                  <h2 id="fit-title">Data and the picked law</h2>
                  {inputNames.length > 1 && (
                    <div className="field inline">
                      <label htmlFor="explain-x">Horizontal axis</label>
                      <select id="explain-x" value={firstInput} onChange={(e) => setXName(e.target.value)}>
                        {inputNames.map((n) => (
                          <option key={n}>{n}</option>
                        ))}
                      </select>
                    </div>
                  )}
                </div>
                <Chart
                  title={`${result.target} against ${firstInput}`}
                  xLabel={firstInput}
                  yLabel={result.target}
                  series={[
                    { label: "measurements", points: result.sample.target.map((y, i) => ({ x: result.sample.inputs[firstInput][i], y })), kind: "points", tone: "data", shape: "circle" },
                    {
                      label: "law's prediction",
                      points: (result.sample.predictions[picked ?? 0] ?? []).map((y, i) => ({ x: result.sample.inputs[firstInput][i], y })),
                      kind: "points",
                      tone: "law",
                      shape: "cross",
                    },
                  ]}
                />
                <Chart
                  title="Predicted against measured"
                  xLabel={`measured ${result.target}`}
                  yLabel={`predicted ${result.target}`}
                  series={[
                    {
                      label: "measurements",
                      points: (result.sample.predictions[picked ?? 0] ?? []).map((p, i) => ({ x: result.sample.target[i], y: p })),
                      kind: "points",
                      tone: "data",
                      shape: "circle",
                    },
                  ]}
                />
              </section>
            )}
          </div>
        </>
      )}
    </div>
  );
}
