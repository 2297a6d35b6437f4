import { useEffect, useState } from "react";
import { api, type ServerInfo } from "./api";
import { ExplainPage } from "./pages/explain-page";
import { RunPage } from "./pages/run-page";
import { RunsPage } from "./pages/runs-page";
import { useRoute } from "./route";

/** The whole app: a header with the two sections and the page the address names. */
export function App() {
  const route = useRoute();
  const [info, setInfo] = useState<ServerInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<ServerInfo>("/api/info").then(setInfo, (e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    const titles = { runs: "Discoveries", run: "Discovery", explain: "Explain a table" } as const;
    document.title = `${titles[route.page]} · worldbreaker`;
  }, [route.page]);
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <a className="brand" href="#/">
          worldbreaker
        </a>
        <nav aria-label="Sections">
          <a href="#/" aria-current={route.page !== "explain" ? "page" : undefined}>
            Discoveries
          </a>
          <a href="#/explain" aria-current={route.page === "explain" ? "page" : undefined}>
            Explain a table
          </a>
        </nav>
        {info && <span className="muted version">v{info.version}</span>}
      </header>
      <main id="main">
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {!error && !info && <p className="muted">Connecting…</p>}
        {info && route.page === "runs" && <RunsPage info={info} />}
        {info && route.page === "run" && <RunPage key={route.runId} runId={route.runId} />}
        {info && route.page === "explain" && <ExplainPage info={info} />}
      </main>
    </>
  );
}
