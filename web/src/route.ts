import { useEffect, useState } from "react";

/** The page the address names: `#/`, `#/runs/<id>` or `#/explain`. */
export type Route = { page: "runs" } | { page: "run"; runId: string } | { page: "explain" };

/** Reads the route from the address's hash. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "");
  const m = /^\/runs\/([A-Za-z0-9_-]+)$/.exec(path);
  if (m) return { page: "run", runId: m[1] };
  if (path === "/explain") return { page: "explain" };
  return { page: "runs" };
}

/** The current route, updated when the hash changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", on);
    return () => window.removeEventListener("hashchange", on);
  }, []);
  return route;
}

/** Goes to a page. */
export function navigate(hash: string): void {
  window.location.hash = hash;
}
