/**
 * The parameter styles few APIs use (`label`, `matrix`, `deepObject`, `spaceDelimited`,
 * `pipeDelimited`), apart from `serialize.ts` so that SDKs whose API does not use them do not ship
 * them. A client whose API does hands `paramStyles` to its `HttpClient`.
 */
import { encodeStrict, type Encode, type ExtraStyles, type Shape } from './serialize.js';

export const paramStyles: ExtraStyles = {
  path(param, style, shape, explode, enc) {
    if (style === 'label') return label(shape, explode, enc);
    if (style === 'matrix') return matrix(param.name, shape, explode, enc);
    return undefined;
  },
  query(name, style, shape, explode, enc) {
    if (style === 'deepObject' && shape.kind === 'object') {
      return shape.entries.map(([k, v]) => `${name}[${encodeStrict(k)}]=${enc(v)}`);
    }
    if ((style === 'spaceDelimited' || style === 'pipeDelimited') && !explode) {
      const sep = style === 'spaceDelimited' ? '%20' : '|';
      if (shape.kind === 'array') return [`${name}=${shape.values.map(enc).join(sep)}`];
      if (shape.kind === 'object') return [`${name}=${flatten(shape.entries).map(enc).join(sep)}`];
    }
    return undefined;
  },
};

function label(shape: Shape, explode: boolean, enc: Encode): string {
  switch (shape.kind) {
    case 'empty':
      return '.';
    case 'scalar':
      return `.${enc(shape.value)}`;
    case 'array':
      return `.${shape.values.map(enc).join(explode ? '.' : ',')}`;
    case 'object':
      return explode
        ? shape.entries.map(([k, v]) => `.${enc(k)}=${enc(v)}`).join('')
        : `.${flatten(shape.entries).map(enc).join(',')}`;
  }
}

function matrix(rawName: string, shape: Shape, explode: boolean, enc: Encode): string {
  const name = encodeStrict(rawName);
  // RFC 6570 `;` operator: an empty value is written as the bare name.
  const pair = (k: string, v: string): string => (v === '' ? `;${k}` : `;${k}=${enc(v)}`);
  switch (shape.kind) {
    case 'empty':
      return `;${name}`;
    case 'scalar':
      return pair(name, shape.value);
    case 'array':
      return explode
        ? shape.values.map((v) => pair(name, v)).join('')
        : `;${name}=${shape.values.map(enc).join(',')}`;
    case 'object':
      return explode
        ? shape.entries.map(([k, v]) => pair(encodeStrict(k), v)).join('')
        : `;${name}=${flatten(shape.entries).map(enc).join(',')}`;
  }
}

/** Key/value pairs as one list: `[k1, v1, k2, v2]`. */
function flatten(entries: [string, string][]): string[] {
  return entries.flatMap(([k, v]) => [k, v]);
}
