/**
 * A `fetch` that answers from memory, for the runtime benchmark's in-memory phase: no socket, no
 * server, no undici connection work. With it, the difference between the SDK and bare fetch is
 * the SDK's own code per call, which the loopback phase cannot show on a shared machine (there a
 * batch of the same side moves by ±10% from one batch to the next).
 *
 * Answers as the loopback server does: POST …/oauth/token → a token; any other request → 401
 * without `Authorization: Bearer …`, else 200 with LOCATION_BODY. Each call builds a new
 * `Response` from the same bytes, so both sides read a fresh body stream.
 */
import { LOCATION_BODY } from './location-body.mjs';

const body = new TextEncoder().encode(LOCATION_BODY);
const token = JSON.stringify({ access_token: 'bench-token-memory', token_type: 'Bearer', expires_in: 3600 });
const json = (text, status, length) => new Response(text, { status, headers: { 'content-type': 'application/json', 'content-length': String(length) } });

/** @param {string | URL} input @param {RequestInit} [init] */
export async function inMemoryFetch(input, init = {}) {
  const path = String(input).split('?')[0];
  if ((init.method ?? 'GET').toUpperCase() === 'POST' && path.endsWith('/oauth/token')) return json(token, 200, token.length);
  const headers = new Headers(init.headers);
  if (!/^Bearer \S+/.test(headers.get('authorization') ?? '')) return json('{"code":"401","message":"Unauthorized"}', 401, 40);
  return json(body, 200, body.byteLength);
}
