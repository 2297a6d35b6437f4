import { useState } from "react";
import { api, type ServerInfo, type UploadInfo } from "../api";
import { navigate } from "../route";
import { timing } from "../timing";
import { UploadField } from "./upload-field";

type Source = "builtin" | "upload" | "external";

/** The form that starts a discovery: where the experiments come from, how many rounds, which seed. */
export function StartRunForm({ info }: { info: ServerInfo }) {
  const [source, setSource] = useState<Source>("builtin");
  const [world, setWorld] = useState(info.worlds.find((w) => w.name === "double-slit")?.name ?? info.worlds[0]?.name ?? "");
  const [upload, setUpload] = useState<UploadInfo | null>(null);
  const [target, setTarget] = useState("");
  const [command, setCommand] = useState("");
  const [rounds, setRounds] = useState("8");
  const [seed, setSeed] = useState("1");
  const [llm, setLlm] = useState("");
  const [searchSeconds, setSearchSeconds] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = info.worlds.find((w) => w.name === world);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    const worldChoice =
      source === "builtin"
        ? { kind: "builtin", name: world }
        : source === "upload"
          ? upload
            ? { kind: "upload", uploadId: upload.id, ...(upload.kind === "csv" && target ? { target } : {}) }
            : null
          : { kind: "external", command };
    if (!worldChoice) return setError("Choose a file to upload first.");
    setBusy(true);
    timing().pressedAt = performance.now();
    timing().firstEventAt = undefined;
    try {
      const { runId } = await api<{ runId: string }>("/api/runs", {
        body: {
          world: worldChoice,
          rounds: Number(rounds),
          seed: Number(seed),
          ...(llm ? { llm } : {}),
          ...(searchSeconds.trim() ? { explainSeconds: Number(searchSeconds) } : {}),
        },
      });
      navigate(`#/runs/${runId}`);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card start" onSubmit={(e) => void submit(e)} aria-labelledby="start-title">
      <h2 id="start-title">Start a discovery</h2>
      <p className="muted">
        The program proposes the simplest law that explains the measurements, then chooses new experiments designed to prove that law wrong,
        and revises the law whenever the new measurements demand it.
      </p>
      <fieldset>
        <legend>Where do the measurements come from?</legend>
        <label className="choice">
          <input type="radio" name="source" value="builtin" checked={source === "builtin"} onChange={() => setSource("builtin")} />
          A built-in simulated experiment
        </label>
        <label className="choice">
          <input type="radio" name="source" value="upload" checked={source === "upload"} onChange={() => setSource("upload")} />
          My own data (a CSV table or a staged dataset)
        </label>
        {info.allowExternal && (
          <label className="choice">
            <input type="radio" name="source" value="external" checked={source === "external"} onChange={() => setSource("external")} />
            A simulator program on this computer
          </label>
        )}
      </fieldset>
      {source === "builtin" && (
        <div className="field">
          <label htmlFor="world">Experiment</label>
          <select id="world" value={world} onChange={(e) => setWorld(e.target.value)}>
            {info.worlds.map((w) => (
              <option key={w.name} value={w.name}>
                {w.name}
              </option>
            ))}
          </select>
          {chosen && (
            <p className="hint">
              {chosen.summary} Measures <strong>{chosen.output.name}</strong>
              {chosen.output.unit ? ` (${chosen.output.unit})` : ""} while varying {chosen.inputs.map((i) => i.name).join(", ")}.
            </p>
          )}
        </div>
      )}
      {source === "upload" && (
        <>
          <UploadField
            label="Data file"
            accept=".csv,.json,text/csv,application/json"
            hint="A CSV table with a header row (the program picks which rows to look at next), or a staged dataset (.json) whose measurements come in stages."
            maxBytes={info.maxUploadBytes}
            onUploaded={(u) => {
              setUpload(u);
              setTarget(u && u.kind === "csv" ? (u.columns[u.columns.length - 1] ?? "") : "");
            }}
          />
          {upload?.kind === "csv" && (
            <div className="field">
              <label htmlFor="target">Column to explain</label>
              <select id="target" value={target} onChange={(e) => setTarget(e.target.value)}>
                {upload.columns.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </div>
          )}
        </>
      )}
      {source === "external" && (
        <div className="field">
          <label htmlFor="command">Command that starts the simulator</label>
          <input id="command" type="text" value={command} onChange={(e) => setCommand(e.target.value)} placeholder="python3 my_world.py" />
          <p className="hint">The program must speak worldbreaker's JSON-lines protocol (see the documentation).</p>
        </div>
      )}
      <div className="row">
        <div className="field small">
          <label htmlFor="rounds">Rounds of experiments</label>
          <input id="rounds" type="number" min={1} max={100} step={1} required value={rounds} onChange={(e) => setRounds(e.target.value)} />
        </div>
        <div className="field small">
          <label htmlFor="seed">Random seed</label>
          <input id="seed" type="number" min={0} step={1} required value={seed} onChange={(e) => setSeed(e.target.value)} aria-describedby="seed-hint" />
          <p id="seed-hint" className="hint">
            The same seed repeats the same discovery exactly.
          </p>
        </div>
        {info.llmProfiles.length > 0 && (
          <div className="field small">
            <label htmlFor="llm">Language-model helper</label>
            <select id="llm" value={llm} onChange={(e) => setLlm(e.target.value)} aria-describedby="llm-hint">
              <option value="">none</option>
              {info.llmProfiles.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
            <p id="llm-hint" className="hint">
              Optional: a language model suggests laws and experiments; every suggestion is still checked against the data.
            </p>
          </div>
        )}
      </div>
      <details className="more">
        <summary>More options</summary>
        <div className="field small">
          <label htmlFor="search-seconds">Thinking time per round (seconds)</label>
          <input
            id="search-seconds"
            type="number"
            min={0.2}
            max={120}
            step="any"
            placeholder="6"
            value={searchSeconds}
            onChange={(e) => setSearchSeconds(e.target.value)}
            aria-describedby="search-hint"
          />
          <p id="search-hint" className="hint">
            How long the program searches for a better law after each round. Longer finds more complex laws.
          </p>
        </div>
      </details>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? "Starting…" : "Start discovery"}
      </button>
    </form>
  );
}
