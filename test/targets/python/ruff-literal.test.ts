/**
 * `layoutLiteral` writes data literals as ruff formats them, so `_validators.py` can skip ruff.
 * Every case is checked against ruff itself (the WebAssembly build the generator formats with, and
 * its settings): the layout must equal ruff's output of the one-line literal, or `layoutLiteral`
 * must decline (`undefined`) and leave the module to ruff. A last test runs the whole pipeline on a
 * spec with a large table and checks the module it did not format is what ruff would write.
 */
import { Workspace, PositionEncoding } from '@astral-sh/ruff-wasm-nodejs';
import { renderTargetFiles, viewInput } from '../../../generator/pipeline';
import { pythonTarget } from '../../../generator/targets/python';
import { RUFF_SETTINGS } from '../../../generator/targets/python/format';
import { layoutLiteral } from '../../../generator/targets/python/view/ruff-literal';
import type { JsonValue } from '../../../generator/targets/validation-table';
import { buildNeutral, doc, targetConfig } from '../../ir/helpers';

const ruff = new Workspace(RUFF_SETTINGS, PositionEncoding.Utf16);
const WIDTH = RUFF_SETTINGS['line-length'];

/** ruff's text of `prefix` + the one-line literal (what the view wrote before). */
function ruffOf(prefix: string, value: JsonValue): string {
  const flat = (v: JsonValue): string =>
    v === null ? 'None' : v === true ? 'True' : v === false ? 'False' : typeof v === 'number' ? String(v) : typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? `[${v.map(flat).join(', ')}]` : `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${flat(x)}`).join(', ')}}`;
  return ruff.format(`${prefix}${flat(value)}\n`);
}

const word = (n: number): string => 'w'.repeat(n);
const PREFIX = 'SCHEMAS: Dict[str, Rule] = ';

/** Cases ruff's rule covers: the layout must be ruff's. */
const laidOut: Array<[string, JsonValue]> = [
  ['a short dict stays on one line', { type: 'string', format: 'date' }],
  ['empty collections', { a: {}, b: [] }],
  ['a dict one character under the width', { k: word(WIDTH - PREFIX.length - 9) }],
  ['a dict exactly at the width', { k: word(WIDTH - PREFIX.length - 8) }],
  ['a dict one character over the width', { k: word(WIDTH - PREFIX.length - 7) }],
  ['one entry whose value breaks: no trailing comma', { only: { type: 'array', items: { $ref: word(90) } } }],
  ['several entries: trailing commas', { a: { type: 'string' }, b: { type: 'array', items: { $ref: word(100) } }, c: 1 }],
  ['a list of scalars that breaks', { enum: Array.from({ length: 30 }, (_, i) => `value-${i}`) }],
  ['a list with one long element', { allOf: [{ $ref: word(110) }] }],
  ['nested lists and dicts', { allOf: [{ $ref: word(50) }, { type: 'object', properties: { x: { type: 'integer', minimum: -3, maximum: 2.5 } } }, { nullable: true, x: null, y: false }] }],
  ['an entry that fits only without its comma', { a: { k: word(WIDTH - 4 - 12) }, b: 1 }],
  ['quotes: double unless more double than single quotes', { a: "it's", b: 'say "hi"', c: 'both \' and "', d: 'two " " one \'', e: 'x\\d', f: '\\"\'"' }],
  ['a backslash', { pattern: '^[A-Za-z0-9.\\-_]+$' }],
  ['non-ASCII letters and punctuation measured one column each', { a: 'é'.repeat(WIDTH - PREFIX.length - 9), b: 'Ωж — → …' }],
  ['a long string stays on its line', { a: { $ref: word(130) }, b: [word(130)], c: [word(110), 'x'] }],
  ['an empty collection that does not fit', { [word(130)]: {}, b: { c: { [word(100)]: [], [word(101)]: {} } } }],
  ['a key too long for its bracket', { [word(125)]: { a: 1 }, b: { c: { [word(100)]: { a: 1 } } } }],
  ['deep nesting', { a: { b: { c: { d: { e: { f: Array.from({ length: 12 }, (_, i) => i * 1000) } } } } } }],
];

/** Cases only ruff decides: the layout declines. */
const declined: Array<[string, JsonValue]> = [
  ['non-ASCII text ruff counts twice', { title: '名前' }],
  ['a combining mark (no column)', { title: 'e\u0301' }],
  ['a zero-width space', { title: 'a\u200bb' }],
  ['a control character', { pattern: 'a\nb' }],
  ['a number in exponent form', { maximum: 1e21 }],
];

describe('layoutLiteral', () => {
  test.each(laidOut)('%s: as ruff formats it', (_name, value) => {
    const laid = layoutLiteral(PREFIX, value);
    expect(laid).toBeDefined();
    expect(`${laid as string}\n`).toBe(ruffOf(PREFIX, value));
  });

  test.each(declined)('%s: left to ruff', (_name, value) => {
    expect(layoutLiteral(PREFIX, value)).toBeUndefined();
  });
});

describe('_validators.py', () => {
  const properties = Object.fromEntries(
    Array.from({ length: 40 }, (_, i) => [`field_${i}`, i % 3 === 0 ? { type: 'array', items: { type: 'string', enum: ['alpha', 'beta', 'gamma', 'delta'] } } : { type: 'string', minLength: i, maxLength: 200 + i }]),
  );
  const api = (pattern: string): Record<string, unknown> =>
    doc({
      schemas: { Thing: { type: 'object', required: ['field_0'], properties: { ...properties, code: { type: 'string', pattern } } } },
      paths: {
        '/things': {
          get: { operationId: 'listThings', responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Thing' } } } } } } },
        },
      },
    });

  /** The module as generated, and whether the view laid it out itself (so ruff skipped it). */
  async function validatorsModule(spec: Record<string, unknown>): Promise<{ text: string; laidOut: boolean }> {
    const { ir } = buildNeutral(spec);
    const config = targetConfig({ target: 'python', packageName: 'things' });
    const item = [...pythonTarget.view(viewInput(ir, config)).items].find((i) => i.path === 'things/_validators.py');
    const module = (await renderTargetFiles(ir, config)).find((f) => f.path === 'things/_validators.py');
    if (item === undefined || module === undefined) throw new Error('no _validators.py');
    return { text: module.contents, laidOut: item.formatted === true };
  }

  test('laid out without ruff, it is what ruff writes', async () => {
    const { text, laidOut } = await validatorsModule(api('^[a-z]+$'));
    expect(laidOut).toBe(true);
    expect(text).toContain('"field_1": {"type": "string", "minLength": 1, "maxLength": 201},');
    expect(ruff.format(text)).toBe(text);
  });

  test('with text only ruff can measure (a wide character), ruff formats it as before', async () => {
    const { text, laidOut } = await validatorsModule(api('^名+$'));
    expect(laidOut).toBe(false);
    expect(text).toContain('"pattern": "^名+$"');
    expect(ruff.format(text)).toBe(text);
  });
});
