/**
 * Encoders for form (`application/x-www-form-urlencoded`), multipart and binary request bodies.
 * Shipped only to SDKs whose API has such bodies (JSON and text ones are in `body.ts`).
 */
import type { EncodedBody } from './body.js';

/** Objects become `a=1&b=2` (arrays repeat the key; nested objects are sent as JSON text). */
export function formBody(value: unknown): EncodedBody {
  return { body: toUrlEncoded(value), contentType: 'application/x-www-form-urlencoded' };
}

/** `multipart/form-data`; fetch writes the boundary itself, so no Content-Type is set here. */
export function multipartBody(value: unknown): EncodedBody {
  return { body: toFormData(value), contentType: undefined };
}

/** Raw bytes: a Blob, ArrayBuffer, typed array, stream or string, sent as is. */
export function binaryBody(value: unknown, mediaType: string): EncodedBody {
  return { body: toBinary(value), contentType: binaryMediaType(mediaType) };
}

/** Objects become `a=1&b=2`; arrays repeat the key; nested objects are sent as JSON text. */
function toUrlEncoded(value: unknown): URLSearchParams {
  if (value instanceof URLSearchParams) return value;
  const params = new URLSearchParams();
  for (const [key, item] of entriesOf(value)) {
    for (const v of Array.isArray(item) ? item : [item]) {
      if (v !== undefined) params.append(key, fieldText(v));
    }
  }
  return params;
}

/** Blobs (and Files) become file parts; objects become JSON parts; scalars become text parts. */
function toFormData(value: unknown): FormData {
  if (value instanceof FormData) return value;
  const data = new FormData();
  for (const [key, item] of entriesOf(value)) {
    for (const v of Array.isArray(item) ? item : [item]) {
      if (v === undefined) continue;
      if (v instanceof Blob) {
        data.append(key, v, fileName(v));
      } else if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
        data.append(key, new Blob([toArrayBuffer(v)]), key);
      } else if (typeof v === 'object' && v !== null && !(v instanceof Date)) {
        data.append(key, new Blob([JSON.stringify(v)], { type: 'application/json' }));
      } else {
        data.append(key, fieldText(v));
      }
    }
  }
  return data;
}

function toBinary(value: unknown): BodyInit {
  if (
    typeof value === 'string' ||
    value instanceof Blob ||
    value instanceof ArrayBuffer ||
    value instanceof URLSearchParams ||
    (typeof ReadableStream !== 'undefined' && value instanceof ReadableStream)
  ) {
    return value;
  }
  if (ArrayBuffer.isView(value)) return toArrayBuffer(value);
  throw new TypeError('A binary body must be a Blob, ArrayBuffer, typed array, stream or string');
}

/** `*\/*` or a wildcard subtype is not a real content type; fall back to octet-stream. */
function binaryMediaType(mediaType: string): string {
  return mediaType.includes('*') ? 'application/octet-stream' : mediaType;
}

function entriesOf(value: unknown): [string, unknown][] {
  if (typeof value !== 'object' || value === null) {
    throw new TypeError('A form or multipart body must be an object');
  }
  return Object.entries(value);
}

function fieldText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

function fileName(blob: Blob): string {
  const name = (blob as Blob & { name?: unknown }).name;
  return typeof name === 'string' && name !== '' ? name : 'blob';
}

/** Copies the viewed bytes so a typed array over a larger buffer sends only its own bytes. */
function toArrayBuffer(value: ArrayBuffer | ArrayBufferView): ArrayBuffer {
  if (value instanceof ArrayBuffer) return value;
  const copy = new Uint8Array(value.byteLength);
  copy.set(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  return copy.buffer;
}
