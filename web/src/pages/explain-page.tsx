import { useEffect, useRef, useState } from "react";
import { api, type ExplainView, type ServerInfo, type UploadInfo } from "../api";
import type { ScoreView } from "../../../src/server/contract";
import { Chart } from "../components/chart";
import { LawMath } from "../components/law-math";
import { UploadField } from "../components/upload-field";
import { bits, fitWords, fmt, latexText } from "../format";
import { frontCsv, frontJson, latexEquation, pythonFunction, saveText } from "../law-export";
import { formatConstant, roundLawText, shownConstants } from "../../../src/expr/significant";
import pendulumCsv from "../../../examples/pendulum.csv?raw";

/** The shipped example table: pendulum periods against length and amplitude. */
const EXAMPLE = { label: "or try the example table (pendulum.csv)", file: () => new File([pendulumCsv], "pendulum.csv", { type: "text/csv" }) };

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
  const [noise, setNoise] = useState("");
  const [operators, setOperators] = useState("");
  const [units, setUnits] = useState("");
  const [ownLaw, setOwnLaw] = useState("");
  const [ownScore, setOwnScore] = useState<ScoreView | null>(null);
  const [ownError, setOwnError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => {
    if (!busy) return;
    const t0 = Date.now();
    const t = setInterval(() => setElapsed(Math.floor((Date.now() - t0) / 1000)), 500);
    return () => clearInterval(t);
  }, [busy]);

  /** `F=N, m=kg` as a units object; the empty string as none. */
  const unitsObject = (): Record<string, string> | undefined => {
    const out: Record<string, string> = {};
    for (const part of units.split(",")) {
      const eq = part.indexOf("=");
      if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
    }
    return Object.keys(out).length > 0 ? out : undefined;
  };
  const options = () => ({
    ...(noise ? { noise } : {}),
    ...(operators.trim() ? { operators: operators.trim() } : {}),
    ...(unitsObject() ? { units: unitsObject() } : {}),
  });

  const scoreOwn = async () => {
    if (!upload || !ownLaw.trim()) return;
    setOwnError(null);
    setOwnScore(null);
    try {
      setOwnScore(await api<ScoreView>("/api/score", { body: { uploadId: upload.id, target, law: ownLaw.trim(), ...(noise ? { noise } : {}), ...(unitsObject() ? { units: unitsObject() } : {}) } }));
    } catch (err) {
      setOwnError((err as Error).message);
    }
  };

  const run = async (e: React.FormEvent, warm?: string) => {
    e.preventDefault();
    if (!upload) return setError("Choose a CSV file first.");
    setError(null);
    setResult(null);
    setBusy(true);
    setElapsed(0);
    abort.current = new AbortController();
    try {
      const r = await api<ExplainView>("/api/explain", {
        body: { uploadId: upload.id, target, seconds: Number(seconds), ...options(), ...(warm ? { warm: [warm] } : {}) },
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
  const withUnit = (name: string) => (result?.units?.[name] && result.units[name] !== "1" ? `${name} (${result.units[name]})` : name);
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
          example={EXAMPLE}
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
            <div className="field small">
              <label htmlFor="noise">Noise model</label>
              <select id="noise" value={noise} onChange={(e) => setNoise(e.target.value)}>
                <option value="">chosen from the data</option>
                <option value="absolute">absolute (constant spread)</option>
                <option value="relative">relative (proportional to the value)</option>
                <option value="poisson">counting (Poisson)</option>
              </select>
            </div>
            <div className="field small">
              <label htmlFor="operators">Operators</label>
              <input id="operators" type="text" placeholder="all, or e.g. +,-,*,/,sqrt" value={operators} onChange={(e) => setOperators(e.target.value)} />
            </div>
            <div className="field small">
              <label htmlFor="units">Units</label>
              <input id="units" type="text" placeholder="e.g. length=m, period=s" value={units} onChange={(e) => setUnits(e.target.value)} />
            </div>
          </div>
        )}
        {upload && (
          <div className="own-law">
            <div className="field">
              <label htmlFor="own-law">Test my own law</label>
              <input id="own-law" type="text" placeholder="e.g. a*sqrt(length)  (names that are not columns are constants to fit)" value={ownLaw} onChange={(e) => setOwnLaw(e.target.value)} />
            </div>
            <button type="button" disabled={!ownLaw.trim() || busy} onClick={() => void scoreOwn()}>
              Score it
            </button>
            <button type="button" disabled={!ownLaw.trim() || busy} onClick={(e) => void run(e, ownLaw.trim())}>
              Start the search from it
            </button>
          </div>
        )}
        {ownError && (
          <p className="error" role="alert">
            {ownError}
          </p>
        )}
        {ownScore && (
          <div className="own-score" aria-live="polite">
            <LawMath latex={`${latexText(target)} = ${ownScore.latex}`} text={`${target} = ${roundLawText(ownScore.law)}`} display label="your law" />
            <p className="own-stats">
              Your law, fitted: <code className="law-text" title={ownScore.law}>{roundLawText(ownScore.law)}</code> · {fitWords(ownScore.r2)} · typical error {fmt(ownScore.rmse)} · {bits(ownScore.bits)}
              {result ? ` (the best law found: ${bits(result.bits.total)}; shorter is better)` : ""}
            </p>
          </div>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !upload}>
            {busy ? `Searching… ${elapsed} s, about ${Math.max(0, Number(seconds) - elapsed)} s left` : "Find a law"}
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
                <LawMath latex={`${latexText(result.target)} = ${chosen.latex}`} text={`${result.target} = ${roundLawText(chosen.law)}`} display label="chosen law" />
                <p className="law-stats">
                  {result.target} ={" "}
                  <code className="law-text" title={chosen.law}>
                    {roundLawText(chosen.law)}
                  </code>{" "}
                  · {fitWords(chosen.r2)} · typical error {fmt(chosen.rmse)}
                </p>
                <p className="muted">
                  {bits(chosen.bits)} to write down this law and what it leaves unexplained in the {result.sample.target.length.toLocaleString("en")}
                  {result.sample.target.length < 1500 ? "" : " (or more)"} measurements
                  {chosen.law !== result.law
                    ? `; ${Math.round(Math.abs(chosen.bits - result.bits.total)).toLocaleString("en")} bits ${chosen.bits > result.bits.total ? "longer" : "shorter"} than the best law on the same measurements`
                    : ""}
                  .
                </p>
                <div className="exports" role="group" aria-label="Export">
                  <button type="button" onClick={() => saveText(`${result.target}-front.csv`, frontCsv(result), "text/csv")}>
                    Front (CSV)
                  </button>
                  <button type="button" onClick={() => saveText(`${result.target}-laws.json`, frontJson(result, chosen), "application/json")}>
                    Front and law (JSON)
                  </button>
                  <button type="button" onClick={() => saveText(`${result.target}-law.tex`, latexEquation(result.target, chosen.latex), "application/x-tex")}>
                    Law (LaTeX)
                  </button>
                  <button type="button" onClick={() => saveText(`${result.target}_law.py`, pythonFunction(chosen.law, result.target, Object.keys(result.sample.inputs)), "text/x-python")}>
                    Law (Python/NumPy)
                  </button>
                </div>
              </>
            ) : (
              <LawMath latex={`${latexText(result.target)} = ${result.latex}`} text={`${result.target} = ${roundLawText(result.law)}`} display label="best law" />
            )}
            {(!chosen || chosen.law === result.law) && shownConstants(result).length > 0 && (
              <p className="constants" aria-label="fitted constants">
                Constants, with standard errors: {shownConstants(result).map((c) => formatConstant(c)).join("; ")}
                {result.residualStructure?.structured ? " — the residuals still show a trend: the law misses something." : ""}
              </p>
            )}
            {(result.warnings ?? []).map((w) => (
              <p key={w} className="warning">
                Warning: {w}
              </p>
            ))}
            {result.columns && result.columns.some((c) => c.column !== c.name) && (
              <p className="mapping muted">
                Column names in laws:{" "}
                {result.columns
                  .filter((c) => c.column !== c.name)
                  .map((c) => `“${c.column}” is ${c.name}${c.unit ? ` (in ${c.unit})` : ""}`)
                  .join("; ")}
                .{result.columns.some((c) => !c.unit) && result.columns.some((c) => c.unit) ? " Units are checked by the search only when every column has one (add the rest under Units)." : ""}
              </p>
            )}
            {result.noise && (
              <p className="muted">
                Fitted for {result.noise.kind === "poisson" ? "counting (Poisson)" : result.noise.kind} noise{result.noise.automatic ? ", chosen from the data" : ""}.
              </p>
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
                yLabel={`typical error (RMSE)${result.units?.[result.target] ? `, ${result.units[result.target]}` : ""}`}
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
                      <code className="law-text" title={p.law}>
                        {roundLawText(p.law)}
                      </code>{" "}
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
                  xLabel={withUnit(firstInput)}
                  yLabel={withUnit(result.target)}
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
                  diagonal
                  title="Predicted against measured"
                  xLabel={`measured ${withUnit(result.target)}`}
                  yLabel={`predicted ${withUnit(result.target)}`}
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
