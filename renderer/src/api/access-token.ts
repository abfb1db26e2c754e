const STORAGE_KEY = 'loreweaver.token';

/**
 * The browser-mode access token: taken from `?token=` once, kept in this tab's session
 * storage and removed from the address bar so it does not end up in history or screenshots.
 */
export function takeAccessToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(STORAGE_KEY);
}
