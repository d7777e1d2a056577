/**
 * Request bodies as `fetch` takes them. Generated operations call the encoder for their media type
 * (`jsonBody`, `textBody` here; form, multipart and binary ones in `body-encoders.ts`, shipped only
 * to SDKs whose API uses them), so an SDK carries only the encoders it needs. Web-standard types
 * only: the same code runs in Node, Deno, Bun, browsers and edge workers.
 */

/** An encoded body plus the `Content-Type` to send (`undefined`: let `fetch` choose, as for FormData). */
export interface EncodedBody {
  readonly body: BodyInit;
  readonly contentType: string | undefined;
}

/** A JSON body (`application/json` or a `+json` type). */
export function jsonBody(value: unknown, mediaType: string): EncodedBody {
  return { body: JSON.stringify(value), contentType: mediaType };
}

/** A text body (`text/plain`, `text/csv` …): the value as a string. */
export function textBody(value: unknown, mediaType: string): EncodedBody {
  return { body: String(value), contentType: mediaType };
}

/** True when `body` is a one-shot stream, which cannot be replayed on retry or 401. */
export function isStreamBody(body: BodyInit | undefined): boolean {
  return typeof ReadableStream !== 'undefined' && body instanceof ReadableStream;
}
