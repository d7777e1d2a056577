/**
 * Request headers as a plain record with lower-cased names. `fetch` copies a record into its own
 * header list faster than it copies a `Headers` object, and this is on every call's path. Names
 * and values are checked as `Headers` checks them, so a bad value fails here, as a `TypeError`
 * naming the header, not inside `fetch`, where it would look like a network failure.
 */

/** Header names are RFC 9110 tokens. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Values may not contain NUL, CR or LF, nor characters outside Latin-1. */
const FORBIDDEN_IN_VALUE = /[\0\r\n]|[^\0-\xff]/;

/** Case-insensitive request headers over a plain record; `Headers`-compatible `get`/`set`. */
export class HeaderRecord {
  /** @param record - Lower-cased name → value; taken over, not copied. */
  constructor(readonly record: Record<string, string> = {}) {}

  /** The value of `name`, or `null` (as `Headers.get`). */
  get(name: string): string | null {
    return this.record[name.toLowerCase()] ?? null;
  }

  /** Sets `name` (replacing any value of any case). @throws TypeError for an invalid name or value. */
  set(name: string, value: string): void {
    if (!TOKEN.test(name)) throw new TypeError(`Invalid header name '${name}'`);
    if (FORBIDDEN_IN_VALUE.test(value)) {
      throw new TypeError(`Invalid value for header '${name}' (CR, LF, NUL or non-Latin-1 text)`);
    }
    this.record[name.toLowerCase()] = value;
  }

  /**
   * An independent copy (one per attempt, so credentials are added to a clean set). Filled from
   * `{}` rather than spread: a spread copy has no room for the headers set next, and fetch then
   * reads (and allocates) more to copy it (measured with `npm run bench:runtime`).
   */
  copy(): HeaderRecord {
    const record: Record<string, string> = {};
    for (const name in this.record) record[name] = this.record[name]!;
    return new HeaderRecord(record);
  }
}
