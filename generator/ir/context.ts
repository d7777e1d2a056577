/** Shared state of one IR build: the document, pointer helpers, warnings, the name registry. */
import type { LoadedSpec } from '../bundle';
import type { ProblemSink } from '../problems';
import { NameRegistry } from './names';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Escapes one JSON-pointer token (`~` → `~0`, `/` → `~1`). */
export function pointerToken(token: string): string {
  // Most tokens need no escaping; skipping the two regex passes matters on large specs.
  if (!token.includes('~') && !token.includes('/')) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function childPointer(pointer: string, ...tokens: (string | number)[]): string {
  // A loop, not `reduce`: called for every schema node of the document.
  let out = pointer;
  for (const token of tokens) out += `/${pointerToken(typeof token === 'string' ? token : String(token))}`;
  return out;
}

/** A resolved non-schema object (parameter, response, request body) and where it lives. */
export interface Located {
  readonly node: JsonObject;
  readonly pointer: string;
}

export class BuildContext {
  /** Every name the SDK will need, in the order they are asked for. */
  readonly names = new NameRegistry();

  constructor(
    readonly spec: LoadedSpec,
    private readonly sink: ProblemSink,
  ) {}

  get document(): JsonObject {
    return this.spec.document as JsonObject;
  }

  warn(message: string, pointer: string): void {
    const location = this.spec.locate(pointer);
    this.sink({ severity: 'warning', message, pointer, ...(location ? { location } : {}) });
  }

  /**
   * Warns about a `$ref` that resolves to nothing, unless the load stage already reported it as
   * dangling (there, with the file, line and column of the `$ref` itself).
   */
  warnUnresolved(ref: string, message: string, pointer: string): void {
    if (!this.spec.danglingRefs?.has(ref)) this.warn(message, pointer);
  }

  /**
   * Values already looked up by pointer. The document does not change while the IR is built, and
   * the same pointers (`$ref` targets, inline-model checks) are resolved again and again.
   */
  private readonly atCache = new Map<string, Json | undefined>();

  /** The value at an internal JSON pointer (`#/a/b`), or `undefined`. */
  at(pointer: string): Json | undefined {
    if (this.atCache.has(pointer)) return this.atCache.get(pointer);
    const value = this.resolvePointer(pointer);
    this.atCache.set(pointer, value);
    return value;
  }

  private resolvePointer(pointer: string): Json | undefined {
    if (!pointer.startsWith('#')) return undefined;
    const body = pointer.slice(1);
    if (body === '') return this.document;
    if (!body.startsWith('/')) return undefined;
    let node: Json | undefined = this.document;
    for (const raw of body.slice(1).split('/')) {
      const decoded = raw.includes('%') ? decodeURIComponentSafe(raw) : raw;
      const token = decoded.includes('~') ? decoded.replace(/~1/g, '/').replace(/~0/g, '~') : decoded;
      if (Array.isArray(node)) node = node[Number(token)];
      else if (isObject(node)) node = Object.prototype.hasOwnProperty.call(node, token) ? node[token] : undefined;
      else return undefined;
    }
    return node;
  }

  /**
   * Follows `$ref` chains of a non-schema object (parameter, response, request body) and returns the
   * final object with its pointer. Cycles and dangling refs yield `undefined` (with a warning).
   */
  deref(node: Json | undefined, pointer: string): Located | undefined {
    let current = node;
    let where = pointer;
    const seen = new Set<string>();
    while (isObject(current) && typeof current['$ref'] === 'string') {
      const ref = current['$ref'];
      if (seen.has(ref)) {
        this.warn(`circular $ref ${ref}`, where);
        return undefined;
      }
      seen.add(ref);
      where = ref;
      current = this.at(ref);
      if (current === undefined) {
        this.warnUnresolved(ref, `unresolved $ref ${ref}`, pointer);
        return undefined;
      }
    }
    return isObject(current) ? { node: current, pointer: where } : undefined;
  }
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
