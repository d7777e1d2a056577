/**
 * A client secret in a web page is readable by anyone who opens it. The SDK refuses to use one
 * there unless the application says it knows (`dangerouslyAllowBrowser: true`, Stainless's name),
 * e.g. for an internal tool behind its own login.
 */
import { ConfigurationException } from '../errors.js';

/** @throws ConfigurationException when `hasSecret` in a browser page and not `allowed`. */
export function refuseSecretInBrowser(hasSecret: boolean, allowed: boolean | undefined, scheme: string): void {
  // A browser page has a `window` with a `document`; Node, Deno, Bun, workers and edge runtimes do not.
  const page = (globalThis as { window?: { document?: unknown } }).window?.document;
  if (hasSecret && allowed !== true && page !== undefined) {
    throw new ConfigurationException(
      `${scheme}: a client secret in a browser is readable by every visitor; set dangerouslyAllowBrowser to allow it`,
    );
  }
}
