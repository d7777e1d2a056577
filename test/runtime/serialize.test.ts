/**
 * Parameter serialization against the OpenAPI 3.1 "Style Examples" table
 * (https://spec.openapis.org/oas/v3.1.0#style-examples), with the spec's values:
 * `color` = null ("empty"), "blue", ["blue","black","brown"], {R:100,G:200,B:150}.
 */
import type { ParamSpec, ParamStyle } from '../../templates/typescript/runtime/operation';
import {
  expandPath,
  serializeParams,
  serializePathParam,
  serializeQueryParam,
} from '../../templates/typescript/runtime/serialize';
import { paramStyles } from '../../templates/typescript/runtime/serialize-styles';

const values = {
  empty: null,
  string: 'blue',
  array: ['blue', 'black', 'brown'],
  object: { R: 100, G: 200, B: 150 },
} as const;
type Kind = keyof typeof values;

/** [style, explode, empty, string, array, object]; `n/a` rows are not defined by the spec. */
const table: [ParamStyle, boolean, string | null, string | null, string | null, string | null][] = [
  ['matrix', false, ';color', ';color=blue', ';color=blue,black,brown', ';color=R,100,G,200,B,150'],
  [
    'matrix',
    true,
    ';color',
    ';color=blue',
    ';color=blue;color=black;color=brown',
    ';R=100;G=200;B=150',
  ],
  ['label', false, '.', '.blue', '.blue,black,brown', '.R,100,G,200,B,150'],
  ['label', true, '.', '.blue', '.blue.black.brown', '.R=100.G=200.B=150'],
  ['form', false, 'color=', 'color=blue', 'color=blue,black,brown', 'color=R,100,G,200,B,150'],
  ['form', true, 'color=', 'color=blue', 'color=blue&color=black&color=brown', 'R=100&G=200&B=150'],
  ['simple', false, null, 'blue', 'blue,black,brown', 'R,100,G,200,B,150'],
  ['simple', true, null, 'blue', 'blue,black,brown', 'R=100,G=200,B=150'],
  [
    'spaceDelimited',
    false,
    null,
    null,
    'color=blue%20black%20brown',
    'color=R%20100%20G%20200%20B%20150',
  ],
  ['pipeDelimited', false, null, null, 'color=blue|black|brown', 'color=R|100|G|200|B|150'],
  ['deepObject', true, null, null, null, 'color[R]=100&color[G]=200&color[B]=150'],
];

const kinds: Kind[] = ['empty', 'string', 'array', 'object'];
const cases = table.flatMap(([style, explode, ...expected]) =>
  kinds
    .map((kind, i) => ({ style, explode, kind, expected: expected[i] }))
    .filter((c): c is typeof c & { expected: string } => c.expected !== null),
);

function serialize(style: ParamStyle, explode: boolean, kind: Kind): string {
  const inPath = style === 'matrix' || style === 'label' || style === 'simple';
  const param: ParamSpec = {
    name: 'color',
    in: inPath ? 'path' : 'query',
    value: values[kind],
    style,
    explode,
  };
  // The styles beyond simple and form come from serialize-styles.ts, as a client that uses them passes them.
  const styles = style === 'simple' || style === 'form' ? undefined : paramStyles;
  return inPath ? serializePathParam(param, styles) : serializeQueryParam(param, styles).join('&');
}

describe('OpenAPI style table', () => {
  test.each(cases)(
    '$style explode=$explode $kind → $expected',
    ({ style, explode, kind, expected }) => {
      expect(serialize(style, explode, kind)).toBe(expected);
    },
  );
});

describe('serializeParams', () => {
  test('applies OpenAPI defaults per location and skips undefined', () => {
    const out = serializeParams([
      { name: 'id', in: 'path', value: 'a/b c' },
      { name: 'tags', in: 'query', value: ['x y', 'z&'] },
      { name: 'missing', in: 'query', value: undefined },
      { name: 'X-Ids', in: 'header', value: [1, 2] },
      { name: 'session', in: 'cookie', value: 'abc;def' },
    ]);
    expect(out.path).toEqual({ id: 'a%2Fb%20c' });
    expect(out.query).toEqual(['tags=x%20y', 'tags=z%26']);
    expect(out.headers).toEqual({ 'X-Ids': '1,2' });
    expect(out.cookies).toEqual(['session=abc%3Bdef']);
  });

  test('allowReserved keeps reserved characters in query values', () => {
    expect(
      serializeQueryParam({ name: 'q', in: 'query', value: 'a/b?c', allowReserved: true }),
    ).toEqual(['q=a/b?c']);
    expect(serializeQueryParam({ name: 'q', in: 'query', value: 'a/b?c' })).toEqual([
      'q=a%2Fb%3Fc',
    ]);
  });

  test('allowReserved leaves exactly the RFC 3986 reserved and unreserved characters unencoded', () => {
    const reserved = ":/?#[]@!$&'()*+,;=";
    const unreserved = /^[A-Za-z0-9\-._~]$/;
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code < 0xe000) continue; // lone surrogates: URIError, as without allowReserved
      const c = String.fromCharCode(code);
      const expected = reserved.includes(c) || unreserved.test(c) ? c : encodeURIComponent(c);
      const [pair] = serializeQueryParam({ name: 'q', in: 'query', value: c, allowReserved: true });
      if (pair !== `q=${expected}`) expect([code, pair]).toEqual([code, `q=${expected}`]);
    }
    // A percent sign is data: encoded, so an escape already in the value is not decoded.
    expect(serializeQueryParam({ name: 'q', in: 'query', value: '%5B%2F[', allowReserved: true })).toEqual(['q=%255B%252F[']);
  });

  test('content-typed parameters are JSON-encoded; dates are ISO strings', () => {
    expect(
      serializeQueryParam({
        name: 'f',
        in: 'query',
        value: { a: 1 },
        contentType: 'application/json',
      }),
    ).toEqual(['f=%7B%22a%22%3A1%7D']);
    expect(serializeQueryParam({ name: 'd', in: 'query', value: new Date(0) })).toEqual([
      'd=1970-01-01T00%3A00%3A00.000Z',
    ]);
  });

  test('without paramStyles, a style only serialize-styles.ts knows falls back to the default', () => {
    const param: ParamSpec = { name: 'id', in: 'path', value: 5, style: 'matrix' };
    expect(serializePathParam(param)).toBe('5');
    expect(serializePathParam(param, paramStyles)).toBe(';id=5');
    const q: ParamSpec = { name: 'q', in: 'query', value: { a: 1 }, style: 'deepObject' };
    expect(serializeParams([q]).query).toEqual(['q=a,1']);
    expect(serializeParams([q], paramStyles).query).toEqual(['q[a]=1']);
  });

  test('expandPath substitutes and rejects missing path parameters', () => {
    expect(expandPath('/v2/locations/{id}/x', { id: 'a%2Fb' })).toBe('/v2/locations/a%2Fb/x');
    expect(() => expandPath('/x/{id}', {})).toThrow("Missing required path parameter 'id'");
  });
});
