const KEY = "worldbreaker.token";

/**
 * The access token: taken once from the address (`?token=`), kept in this tab's sessionStorage, and
 * removed from the address bar so it does not end up in bookmarks, history or screenshots.
 */
export function accessToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get("token");
  if (fromUrl) {
    try {
      sessionStorage.setItem(KEY, fromUrl);
    } catch {
      // Private modes may refuse storage; the token then lives in memory only.
    }
    memory = fromUrl;
    url.searchParams.delete("token");
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
    return fromUrl;
  }
  if (memory) return memory;
  try {
    memory = sessionStorage.getItem(KEY);
  } catch {
    memory = null;
  }
  return memory;
}

let memory: string | null = null;
