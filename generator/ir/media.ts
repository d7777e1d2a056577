/** Media types, body kinds and status codes: the small classifications the builders share. */
import type { Json, JsonObject } from './context';
import { isObject } from './context';
import type { IrBodyKind, IrResponse, IrResponseKind } from './types';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethodKey = (typeof HTTP_METHODS)[number];

export function isSuccess(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}

export function isErrorStatus(status: string): boolean {
  return /^[45](\d\d|XX)$/i.test(status) || status === 'default';
}

/** The response an operation returns: the first 2xx (by status) with a body, else the first 2xx. */
export function pickSuccess(responses: readonly IrResponse[]): IrResponse | undefined {
  const successes = responses.filter((r) => isSuccess(r.status));
  successes.sort((a, b) => a.status.localeCompare(b.status));
  return successes.find((r) => r.schema !== undefined) ?? successes[0];
}

/** Preferred media type of a `content` map: JSON, then form, multipart, text, anything else. */
export function pickMedia(content: Json | undefined): { mediaType: string; node: JsonObject } | undefined {
  if (!isObject(content)) return undefined;
  const types = Object.keys(content);
  if (types.length === 0) return undefined;
  const rank = (t: string): number => {
    const m = t.toLowerCase();
    if (m === 'application/json' || m.startsWith('application/json;')) return 0;
    if (/\+json\b/.test(m) || m.endsWith('/json')) return 1;
    if (m.startsWith('application/x-www-form-urlencoded')) return 2;
    if (m.startsWith('multipart/')) return 3;
    if (m.startsWith('text/')) return 4;
    if (m === '*/*') return 6;
    return 5;
  };
  const best = types.reduce((a, b) => (rank(b) < rank(a) ? b : a));
  const node = content[best];
  return { mediaType: best, node: isObject(node) ? node : {} };
}

export function bodyKind(mediaType: string): IrBodyKind {
  const m = mediaType.toLowerCase();
  if (m.includes('json')) return 'json';
  if (m.startsWith('application/x-www-form-urlencoded')) return 'form';
  if (m.startsWith('multipart/')) return 'multipart';
  if (m.startsWith('text/')) return 'text';
  return 'binary';
}

export function responseKind(mediaType: string): IrResponseKind {
  const m = mediaType.toLowerCase();
  if (m.includes('json') || m === '*/*') return 'json';
  if (m.startsWith('text/')) return 'text';
  return 'binary';
}
