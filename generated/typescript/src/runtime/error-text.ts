/**
 * The server's own words for an error response, fit for an error message: the first
 * `errors[].message` / `detail` / `title` (or the same keys at the top level, or an OAuth
 * `error_description`), with anything that looks like a credential redacted, control characters
 * removed and the length bounded. The whole body stays on the error's `body`.
 */

/** The longest server text put into a message. */
const MAX_TEXT = 200;

/** Keys whose value is the human-readable text, in order of preference. */
const TEXT_KEYS = ['message', 'detail', 'title', 'error_description', 'errorMessage', 'error'];

/**
 * Credentials a server may echo: `Bearer …`/`Basic …` values, JWTs, `secret=…`-like pairs, and long
 * opaque tokens (32+ characters of base64/hex without hyphens, so UUIDs stay readable).
 */
const SECRETS =
  /\b(?:bearer|basic)\s+\S+|\beyJ[\w-]+\.[\w.-]*|\b[\w-]*(?:secret|token|password|passwd|api[_-]?key|authorization)[\w-]*["']?\s*[:=]\s*["']?[^\s"',;&]+|[\w+/=]{32,}/gi;

/** The server's error text of `body`, or `undefined` when it has none worth showing. */
export function serverErrorText(body: unknown): string | undefined {
  const text = pickText(body, 0);
  if (text === undefined) return undefined;
  const clean = text
    .replace(SECRETS, '[REDACTED]')
    .replace(/[\0-\x1f\x7f]+/g, ' ')
    .trim();
  if (clean === '') return undefined;
  return clean.length > MAX_TEXT ? `${clean.slice(0, MAX_TEXT - 1)}…` : clean;
}

function pickText(value: unknown, depth: number): string | undefined {
  // A bare string body is shown unless it is markup (an HTML error page says nothing useful).
  if (typeof value === 'string') return depth === 0 && /^\s*</.test(value) ? undefined : value;
  if (depth > 2 || typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) return pickText(value[0], depth + 1);
  const record = value as Record<string, unknown>;
  const nested = pickText(record['errors'], depth + 1);
  if (nested !== undefined) return nested;
  for (const key of TEXT_KEYS) {
    const found = record[key];
    if (typeof found === 'string' && found.trim() !== '') return found;
    if (typeof found === 'object' && found !== null) {
      const inner = pickText(found, depth + 1);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}
