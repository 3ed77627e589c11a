/** Hash routes (`#/case/HP-2018-0001?asOf=2018-03-31`): bookmarkable, and nothing to configure on the server. */
export interface Route {
  readonly name: string;
  /** Path segments after the name, decoded. */
  readonly args: readonly string[];
  readonly params: URLSearchParams;
}

export function currentRoute(): Route {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = hash.split('?');
  const [name = '', ...args] = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { name: name || 'dashboard', args, params: new URLSearchParams(query) };
}

/** A link target for a route. */
export function href(
  name: string,
  args: readonly string[] = [],
  params: Record<string, string | undefined> = {},
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const path = [name, ...args.map(encodeURIComponent)].join('/');
  const search = query.toString();
  return `#/${path}${search ? `?${search}` : ''}`;
}

export function navigate(name: string, args: readonly string[] = [], params: Record<string, string | undefined> = {}) {
  const target = href(name, args, params);
  // The same route again (reload after a command) changes nothing in the address bar, so no hashchange comes by itself.
  if (location.hash === target) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = target;
}
