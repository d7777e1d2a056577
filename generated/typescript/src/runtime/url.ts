/**
 * URL helpers: resolution, redaction for messages, and the plain-http guard for credentials.
 */
import { ConfigurationException } from './errors.js';

/**
 * Resolves `relativeOrAbsolute` against `base` per RFC 3986 §5 (WHATWG `URL`). An absolute input
 * is returned normalised; a relative one such as `/v2/oauth/token` keeps only the base's origin.
 *
 * @throws ConfigurationException (without the URL text) when the result is not a valid URL.
 */
export function resolveUrl(relativeOrAbsolute: string, base: string): string {
  return parseUrl(`'${relativeOrAbsolute}' against the server URL`, relativeOrAbsolute, base).href;
}

/**
 * Parses a URL from the configuration (server URL, token URL) and refuses one with user info
 * (`https://id:secret@host/`): credentials belong in the auth options, where they are kept out
 * of messages, while a URL is printed in messages and carried by errors.
 *
 * @param what - The setting, for the message, e.g. `The token URL of BearerAuth`.
 * @throws ConfigurationException, with neither the credential nor a `cause` (the parser's error
 *   carries the raw input), for an invalid URL or one with user info.
 */
export function configuredUrl(what: string, value: string): URL {
  const url = parseUrl(what, value);
  if (url.username || url.password) {
    throw new ConfigurationException(`${what} ${redactUrl(url)} must not contain user:password@`);
  }
  return url;
}

function parseUrl(what: string, value: string, base?: string): URL {
  try {
    return new URL(value, base);
  } catch {
    throw new ConfigurationException(`${what} is not a valid absolute URL`);
  }
}

/**
 * The URL as it may appear in a message or log: origin and path only. Query strings and user info
 * can carry secrets (api keys, signatures), so they are dropped.
 */
export function redactUrl(url: string | URL): string {
  try {
    const parsed = typeof url === 'string' ? new URL(url) : url;
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '<invalid url>';
  }
}

/** True for `localhost`, `*.localhost`, `127.0.0.0/8` and `[::1]`, which never leave the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '[::1]' || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Throws unless `url` may carry credentials: `https:`, or `http:` to a loopback host, or any
 * `http:` when the caller explicitly set `allowInsecureHttp`.
 *
 * @param what - What would be sent, for the message, e.g. `the BearerAuth access token`.
 */
export function assertSecureTransport(url: URL, what: string, allowInsecureHttp = false): void {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && (allowInsecureHttp || isLoopbackHost(url.hostname))) return;
  throw new ConfigurationException(
    `Refusing to send ${what} over ${url.protocol.slice(0, -1)} to ${redactUrl(url)}: use https ` +
      '(or allowInsecureHttp: true, e.g. for a test server)',
  );
}
