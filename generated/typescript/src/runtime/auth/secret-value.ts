/**
 * Helpers shared by the static-credential auth providers (API key, HTTP bearer, HTTP basic,
 * token supplier): resolving a value-or-supplier, and guarding what may go into a header.
 */
import { ConfigurationException } from '../errors.js';

/** Redaction marker used wherever a secret would otherwise be printed. */
export const REDACTED = '[REDACTED]';

/**
 * Characters a header value may not contain (CR, LF, NUL and other controls except tab).
 * Checked before `Headers.set`, whose own error message would quote the secret.
 */
const INVALID_HEADER_VALUE = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/**
 * Throws a secret-free `ConfigurationException` when `value` cannot be sent as a header value
 * (or is empty), naming only the scheme.
 */
export function assertHeaderSafe(value: string, schemeName: string): void {
  if (value === '') {
    throw new ConfigurationException(`The credential for ${schemeName} is an empty string`);
  }
  if (INVALID_HEADER_VALUE.test(value)) {
    throw new ConfigurationException(
      `The credential for ${schemeName} contains a line break or control character`,
    );
  }
}

/** Calls `supplier` and checks that it produced a string (a common mistake is `undefined`). */
export async function supplied(
  supplier: () => string | Promise<string>,
  schemeName: string,
): Promise<string> {
  const value: unknown = await supplier();
  if (typeof value !== 'string') {
    throw new ConfigurationException(
      `The credential supplier for ${schemeName} returned ${value === null ? 'null' : typeof value}, not a string`,
    );
  }
  return value;
}

/**
 * A copy of `options` safe to print: each named option that is set becomes `'[REDACTED]'`
 * (`'[Function]'` for suppliers). Used by the generated `Configuration`'s `toJSON`.
 */
export function redactOptions(
  options: object,
  secretNames: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...options };
  for (const name of secretNames) {
    const value = out[name];
    if (value !== undefined) out[name] = typeof value === 'function' ? '[Function]' : REDACTED;
  }
  return out;
}
