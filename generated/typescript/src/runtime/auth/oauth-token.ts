/**
 * The OAuth token as plain JSON data, so it can be stored anywhere and restored with
 * `JSON.parse(JSON.stringify(token))`.
 */

/** An access token obtained by the client-credentials grant. Plain data: safe to serialize. */
export interface OAuthToken {
  /** The bearer token sent as `Authorization: Bearer …`. Secret: store it like a password. */
  readonly accessToken: string;
  /** Always `Bearer` (other types are rejected when the token is received). */
  readonly tokenType: string;
  /** Lifetime in seconds as granted by the server; used to size the refresh-ahead window. */
  readonly expiresIn?: number;
  /** Space-separated scopes granted, when the server says. */
  readonly scope?: string;
  /** Expiry as Unix epoch seconds (`Date.now() / 1000` scale); absent = no known expiry. */
  readonly expiry?: number;
  /** Refresh token, if the server sent one (client-credentials servers rarely do). */
  readonly refreshToken?: string;
}

/**
 * True when `value` can be sent as `Authorization: Bearer <value>`: one or more visible ASCII
 * characters (`%x21-7E`). That is RFC 6750's `b64token` (letters, digits, `-._~+/`, trailing `=`)
 * plus the other visible characters some servers put in tokens (`^`, `#`, `|`, …), and it leaves
 * out everything that could break or split the header: space, tab, CR, LF, NUL and the other
 * controls, DEL, and any non-ASCII character. Checked once, when a token enters memory (received,
 * loaded from a store, given, provided), never per call.
 */
export function isSendableToken(value: unknown): value is string {
  return typeof value === 'string' && /^[\x21-\x7e]+$/.test(value);
}

/**
 * Checks and copies a token loaded from outside (a store, a file, the user's database). Returns
 * `undefined` for anything that is not a usable token (no access token, or one that is not
 * `isSendableToken`), instead of failing later with a TypeError on every call.
 * Numeric fields given as numeric strings (common after hand-written persistence) are accepted.
 */
export function normalizeToken(value: unknown): OAuthToken | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = value as Record<string, unknown>;
  if (!isSendableToken(raw['accessToken'])) return undefined;
  const token: {
    accessToken: string;
    tokenType: string;
    expiresIn?: number;
    scope?: string;
    expiry?: number;
    refreshToken?: string;
  } = {
    accessToken: raw['accessToken'],
    tokenType: typeof raw['tokenType'] === 'string' ? raw['tokenType'] : 'Bearer',
  };
  const expiresIn = toNumber(raw['expiresIn']);
  const expiry = toNumber(raw['expiry']);
  if (expiresIn !== undefined) token.expiresIn = expiresIn;
  if (expiry !== undefined) token.expiry = expiry;
  if (typeof raw['scope'] === 'string') token.scope = raw['scope'];
  if (typeof raw['refreshToken'] === 'string') token.refreshToken = raw['refreshToken'];
  return token;
}

/** A token with its secrets replaced, for `toJSON` / `inspect` of objects that hold one. */
export function redactToken(token: OAuthToken | undefined): Record<string, unknown> | undefined {
  if (token === undefined) return undefined;
  return {
    ...token,
    accessToken: '[REDACTED]',
    ...(token.refreshToken === undefined ? {} : { refreshToken: '[REDACTED]' }),
  };
}

/**
 * A finite number, a bigint, or a decimal string (`^-?\d+(\.\d+)?$`, surrounding whitespace
 * ignored); anything else (`null`, `''`, `true`, arrays, words) is `undefined`, i.e. "not given".
 */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}
