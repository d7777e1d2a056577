/**
 * The fast path for text-and-`{{name}}` templates renders exactly what Handlebars renders (same
 * options as `compileFile`: `noEscape`, `strict`), and leaves to Handlebars every template and
 * every call it does not handle itself, errors included.
 */
import Handlebars from 'handlebars';
import { withPlainFastPath } from '../../generator/render/plain-template';

const compile = (source: string): Handlebars.TemplateDelegate => Handlebars.compile(source, { noEscape: true, strict: true });

/** The fast template, and whether the full one was called. */
function both(source: string): { fast: Handlebars.TemplateDelegate; calls: () => number } {
  let calls = 0;
  const full = compile(source);
  const counted: Handlebars.TemplateDelegate = (context, options) => {
    calls++;
    return full(context, options);
  };
  return { fast: withPlainFastPath(source, counted), calls: () => calls };
}

const context = { header: '# head', docstring: '"""Doc."""', imports: 'import a', gap: '\n\n', body: 'x = <1> & "2"\n' };

describe('templates of text and {{name}} only: rendered without Handlebars, identically', () => {
  test.each([
    ['the Python module template', '{{header}}\n{{docstring}}\n{{imports}}\n{{gap}}{{body}}\n'],
    ['text only', 'no insertions at all\n'],
    ['empty', ''],
    ['the same name twice, HTML characters kept (noEscape)', '{{body}}{{body}}<{{header}}>'],
    ['whitespace control', 'a  {{~header~}}  b\n  {{~docstring}}\n'],
    ['a comment', 'a{{! note }}b{{header}}'],
  ])('%s', (_what, source) => {
    const { fast, calls } = both(source);
    expect(fast(context)).toBe(compile(source)(context));
    if (!source.includes('{{!')) expect(calls()).toBe(0);
  });
});

describe('left to Handlebars', () => {
  test.each([
    ['a block', '{{#if header}}{{header}}{{/if}}'],
    ['a path', '{{a.b}}'],
    ['a parent path', '{{#with a}}{{../header}}{{/with}}'],
    ['this', '{{this}}'],
    ['a helper call', '{{lookup this "header"}}'],
    ['a partial', '{{> part}}'],
    ['a data variable', '{{@root.header}}'],
  ])('a template with %s', (_what, source) => {
    const full = compile(source);
    expect(withPlainFastPath(source, full)).toBe(full);
  });

  test('a call with a missing value: Handlebars’ strict-mode error', () => {
    const { fast, calls } = both('{{header}}{{missing}}');
    expect(() => fast(context)).toThrow(/"missing" not defined/);
    expect(calls()).toBe(1);
  });

  test.each([
    ['a number', { header: 42 }],
    ['an inherited value', Object.create({ header: 'inherited' }) as object],
    ['a function (Handlebars calls it)', { header: () => 'called' }],
  ])('a call with %s', (_what, values) => {
    const { fast, calls } = both('<{{header}}>');
    expect(fast(values)).toBe(compile('<{{header}}>')(values));
    expect(calls()).toBe(1);
  });

  test('a name that is also a helper (Handlebars runs the helper)', () => {
    const { fast, calls } = both('{{log}}');
    expect(fast({ log: 'value' })).toBe(compile('{{log}}')({ log: 'value' }));
    expect(calls()).toBe(1);
  });

  test('a template that does not parse (Handlebars reports it)', () => {
    const source = '{{#if}}';
    const full = (): string => 'full';
    expect(withPlainFastPath(source, full)).toBe(full);
  });
});
