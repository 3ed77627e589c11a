/**
 * The bearer token, kept in sessionStorage (gone when the tab closes). A sign-in link from `npm run cli -- token
 * --console` carries it in the URL fragment, which browsers never send to the server; it is moved here and wiped
 * from the address bar at once.
 */
const KEY = 'thads.token';

export function currentToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function storeToken(token: string): void {
  sessionStorage.setItem(KEY, token.trim().replace(/^Bearer\s+/i, ''));
}

export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
}

/** Takes a `#token=…` fragment, if any, into storage and removes it from the address bar. */
export function adoptTokenFromFragment(): void {
  const match = /^#token=([^&]+)(?:&next=(.*))?$/.exec(location.hash);
  if (!match) return;
  storeToken(decodeURIComponent(match[1]));
  history.replaceState(null, '', `${location.pathname}${match[2] ? decodeURIComponent(match[2]) : '#/'}`);
}
