const BASE = 'http://samplan.invalid';

/**
 * A path on this site to go to after logging in (the login page's `neste`, an OpenID login's `returnTo`), or `/`:
 * never another site's address (an open redirect). Browsers drop tabs and newlines from an address and read `\` as
 * `/`, so `/\t/evil.example` would leave the site: those, and every control character, are refused outright.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 500 || !value.startsWith('/')) return '/';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return '/';
  }
  const url = new URL(value, BASE);
  // The parser's own path, which is what a browser goes to: dot-segments may have made it '//host' ('/..//evil').
  if (url.origin !== BASE || url.pathname.startsWith('//')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
