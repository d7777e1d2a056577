/**
 * The one escaping module: every piece of spec text that reaches generated code or docs goes
 * through a function here. Identifiers and file names never come from here (they come from
 * `generator/naming`, which only produces `[A-Za-z0-9_$]` / `[a-z0-9-]`).
 *
 * Output is stable under Prettier 3 (`singleQuote: true`): string literals use single quotes
 * unless the text has more single than double quotes (then double quotes, as Prettier would).
 */

/** Line terminators JavaScript recognises, plus other characters unsafe in a single source line. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/** What `tsString` escapes, and the quotes whose count picks the quote. */
const NEEDS_ESCAPE = /['"\\\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\u200b-\u200f\u202a-\u202e]/;

/** A TypeScript/JavaScript string literal for `text` (inert: no raw newline, no unescaped quote). */
export function tsString(text: string): string {
  // Most spec text (names, types, enum values) needs no escape and no choice of quote.
  if (!NEEDS_ESCAPE.test(text)) return `'${text}'`;
  const singles = (text.match(/'/g) ?? []).length;
  const doubles = (text.match(/"/g) ?? []).length;
  const quote = singles > doubles ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code === 0x2028 || code === 0x2029 || code === 0xfeff || (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e)) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return out + quote;
}

/**
 * A template literal without substitutions for `text`, newlines kept (a multi-line string Prettier
 * leaves as it is): backslashes, `` ` `` and `${` escaped, and every character but newlines and
 * printable ASCII as a `\u{…}` escape.
 */
export function tsTemplateLiteral(text: string): string {
  return `\`${text.replace(TEMPLATE_ESCAPE, (m) => (m === '\\' || m === '`' || m === '${' ? `\\${m}` : unicodeEscapes(m, (c) => `\\u{${c.toString(16)}}`)))}\``;
}

const TEMPLATE_ESCAPE = /\\|`|\$\{|[^\n\x20-\x7e]+/gu;

/** Each code point of `text` by `escape`. */
function unicodeEscapes(text: string, escape: (codePoint: number) => string): string {
  let out = '';
  for (const ch of text) out += escape(ch.codePointAt(0) as number);
  return out;
}

/** A number literal (finite numbers only; others become `0` — callers pass spec numbers). */
export function tsNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : '0';
}

/** A literal for a scalar value. */
export function tsLiteral(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return tsString(value);
  if (typeof value === 'number') return value < 0 ? `-${tsNumber(-value)}` : tsNumber(value);
  return value ? 'true' : 'false';
}

/**
 * What `proseLines` replaces before splitting: other line ends, tabs, `CONTROL` characters (made
 * from `CONTROL` itself, so the two cannot drift apart).
 */
const PROSE_NORMALIZE = new RegExp(`[\\r\\t\\u2028\\u2029${CONTROL.source.slice(1, -1)}]`);

/** Normalizes spec prose into lines: CRLF/CR/U+2028/U+2029 → `\n`, control characters dropped. */
export function proseLines(text: string): string[] {
  const normalized = PROSE_NORMALIZE.test(text)
    ? text
        .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
        .replace(/\t/g, '  ')
        .replace(CONTROL, '')
    : text;
  // trimEnd strips exactly `\s` (WhiteSpace and LineTerminator), without a regex per line.
  const lines = normalized.includes('\n') ? normalized.split('\n').map((l) => l.trimEnd()) : [normalized.trimEnd()];
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** `text` when it holds any prose (not only blanks or control characters), else `fallback`. */
export function proseOr(text: string | undefined, fallback: string): string {
  return text !== undefined && proseLines(text).length > 0 ? text : fallback;
}

/** Text safe inside a block comment: `*\/` cannot close it. */
function commentSafe(line: string): string {
  return line.replace(/\*\//g, '*\\/');
}

/** A TSDoc block tag we generate (`tag` is trusted, e.g. `@param params -`; `text` is spec prose). */
export interface DocTag {
  readonly tag: string;
  readonly text?: string | undefined;
}

/** Prose lines safe in a doc comment: no `*\/`, no line starting a TSDoc tag by accident. */
function proseForDoc(text: string): string[] {
  return proseLines(text).map((l) => commentSafe(l).replace(/^(\s*)@/, '$1\\@'));
}

/**
 * A TSDoc block from prose paragraphs and tags (empty parts are skipped), indented by `indent`
 * spaces, ending in a newline; `''` when there is nothing to say. Prose paragraphs are separated
 * by blank lines; consecutive tags are not.
 */
export function docComment(parts: readonly (string | DocTag | undefined)[], indent = 0): string {
  return DOCS.get(`${indent} tsdoc`, parts, () => tsDoc(parts, indent));
}

function tsDoc(parts: readonly (string | DocTag | undefined)[], indent: number): string {
  const lines: string[] = [];
  let previousWasTag = false;
  for (const part of parts) {
    if (part === undefined) continue;
    let body: string[];
    const isTag = typeof part !== 'string';
    if (typeof part === 'string') body = proseForDoc(part);
    else {
      const text = part.text === undefined ? [] : proseForDoc(part.text);
      body = [text.length > 0 ? `${part.tag} ${text[0]}` : part.tag, ...text.slice(1).map((l) => (l === '' ? '' : `  ${l}`))];
    }
    if (body.length === 0) continue;
    if (lines.length > 0 && !(isTag && previousWasTag)) lines.push('');
    lines.push(...body);
    previousWasTag = isTag;
  }
  if (lines.length === 0) return '';
  const pad = ' '.repeat(indent);
  if (lines.length === 1) return `${pad}/** ${lines[0]} */\n`;
  return `${pad}/**\n${lines.map((l) => (l === '' ? `${pad} *` : `${pad} * ${l}`)).join('\n')}\n${pad} */\n`;
}

/** Text for a `//` comment: one line, no line terminators or control characters. */
export function lineCommentText(text: string): string {
  return proseLines(text).join(' ').replace(/\s+/g, ' ').trim();
}

/** Spec prose as Markdown paragraphs (HTML and block syntax neutralized; line structure kept). */
export function markdownBlock(text: string): string {
  // Leading spaces and repeated blank lines carry no meaning in prose (and Prettier drops them).
  return proseLines(text)
    .map((line) => markdownBlockStart(markdownLine(line.trimStart())))
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n');
}

/**
 * Escapes what would make a line a heading, quote, list item, fence or setext underline
 * (`# x`, `> x`, `- x`, `1. x`, `===`), so spec prose cannot restructure the page around it.
 */
function markdownBlockStart(line: string): string {
  return line.replace(/^(\s*)([#>+=~-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Spec text inline in Markdown (one line; HTML, emphasis and link syntax neutralized). */
export function markdownInline(text: string): string {
  return markdownLine(proseLines(text).join(' ').replace(/\s+/g, ' ').trim());
}

/** What `markdownLine` escapes: HTML's `&`, `<`, `>` as entities, Markdown's syntax with `\\`. */
const MARKDOWN_SPECIAL = /[&<>\\`*_[\]|]/g;
const HTML_ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function markdownLine(line: string): string {
  return line.replace(MARKDOWN_SPECIAL, (c) => HTML_ENTITY[c] ?? `\\${c}`);
}

/** Markdown inline code for an identifier or literal we generated (backticks cannot occur in it). */
export function markdownCode(text: string): string {
  const clean = lineCommentText(text).replace(/`/g, "'");
  return `\`${clean}\``;
}

/**
 * Markdown inline code inside a table cell: as `markdownCode`, and `|` escaped, because GFM splits
 * table cells on `|` before it looks at code spans (`'a' | 'b'` would otherwise be two cells).
 */
export function markdownTableCode(text: string): string {
  return markdownCode(text).replace(/\|/g, '\\|');
}

/** A JSON string literal. */
export function jsonString(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * A TOML basic string (`"…"`): backslash, quote and every control character escaped (TOML allows
 * none of U+0000–U+001F or U+007F raw in a basic string).
 */
export function tomlString(text: string): string {
  const escaped = text.replace(/[\\"\u0000-\u001f\u007f]/g, (c) => {
    if (c === '\\') return '\\\\';
    if (c === '"') return '\\"';
    return `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}

// ---------------------------------------------------------------------------------------------
// Python
// ---------------------------------------------------------------------------------------------

/** What `pyString` escapes (`'` needs no escape, and only `"` can change the quote). */
const PY_NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\u200b-\u200f\u202a-\u202e\u2060-\u2064]/;

/**
 * A Python string literal for `text` (inert: quoted as ruff quotes it, with `\`, quotes, line
 * terminators, control and invisible characters escaped).
 */
export function pyString(text: string): string {
  if (!PY_NEEDS_ESCAPE.test(text)) return `"${text}"`; // the common case: nothing to escape
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code === 0x2028 || code === 0x2029 || code === 0x85 || code === 0xfeff || (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2060 && code <= 0x2064)) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  // ruff's quote choice: double quotes unless the text holds more double quotes than single ones.
  if (out.includes('\\"') && quoteBalance(text) > 0) return `'${out.slice(1).replace(/\\[\s\S]|'/g, (token) => (token === '\\"' ? '"' : token === "'" ? "\\'" : token))}'`;
  return `${out}"`;
}

/**
 * A `"""` Python string for `text`, newlines kept: backslashes escaped, a `"` escaped where it
 * would close the string (two more follow, or the text ends), and every character but newlines and
 * printable ASCII as a `\u`/`\U` escape.
 */
export function pyTripleQuoted(text: string): string {
  const body = text.replace(PY_TRIPLE_ESCAPE, (m) => {
    if (m === '\\' || m === '"') return `\\${m}`;
    return unicodeEscapes(m, (c) => (c > 0xffff ? `\\U${c.toString(16).padStart(8, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`));
  });
  return `"""${body}"""`;
}

const PY_TRIPLE_ESCAPE = /\\|"(?=""|$)|[^\n\x20-\x7e]+/gu;

/** Double quotes in `text` minus single ones. */
function quoteBalance(text: string): number {
  let balance = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) balance++;
    else if (code === 39) balance--;
  }
  return balance;
}

/** A Python literal for a scalar value (`None`, `True`, numbers, strings). */
export function pyLiteral(value: string | number | boolean | null): string {
  if (value === null) return 'None';
  if (typeof value === 'string') return pyString(value);
  // As ruff writes numbers: `1e21`, not JavaScript's `1e+21`.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('e+', 'e') : '0';
  return value ? 'True' : 'False';
}

/**
 * Prose safe inside a raw `r"""` docstring (docstrings with backslashes are raw, ruff `D301`, so
 * `\\d` reads as written): a `"""` run is broken by a backslash before its last quote.
 */
function docstringSafe(line: string): string {
  return line.replace(/"""/g, '""\\"');
}

/**
 * A docstring from prose paragraphs (empty parts skipped), indented by `indent` spaces: `"""One
 * line."""`, or a summary line, a blank line and the rest; `''` when there is nothing to say.
 * Sections (`Args:`, `Returns:` …) are passed as prose parts already laid out. Laid out as ruff
 * lays out the docstring of a module, class or function, so ruff has nothing to change.
 */
export function pyDocstring(parts: readonly (string | undefined)[], indent = 0, width = PY_DOC_WIDTH): string {
  return memoDoc(parts, indent, width, 'docstring');
}

/**
 * A function's docstring: as `pyDocstring`, with the summary's first word capitalized as ruff's
 * `D403` wants it, which ruff checks on functions only (see `capitalizedSummary`).
 */
export function pyFunctionDocstring(parts: readonly (string | undefined)[], indent = 0, width = PY_DOC_WIDTH): string {
  return memoDoc(parts, indent, width, 'function');
}

/**
 * The same for the string after an assignment (a field's or a constant's documentation): ruff does
 * not lay those out as docstrings, so neither is it done here.
 */
export function pyAttributeDoc(parts: readonly (string | undefined)[], indent = 0, width = PY_DOC_WIDTH): string {
  return memoDoc(parts, indent, width, 'attribute');
}

/** How ruff reads a `"""` string: a docstring (of a function: `D403` applies), or an attribute's. */
type DocKind = 'docstring' | 'function' | 'attribute';

function memoDoc(parts: readonly (string | undefined)[], indent: number, width: number, kind: DocKind): string {
  return DOCS.get(`${indent} ${width} ${kind}`, parts, () => docstring(parts, indent, width, kind));
}

/** A tag part in the memo's key: the marker, then the tag, then its text. */
const TAG_KEY = {};

/**
 * Doc texts made so far (pure functions of their parts), bounded. The same descriptions recur
 * (GitHub's API: 55,000 docstrings, 18,000 different). The cache is a trie keyed by the parts
 * themselves: they are the IR's own strings, whose hashes V8 keeps, so a lookup builds no key
 * string (one made with JSON.stringify cost a tenth of a second).
 */
class DocMemo {
  readonly #roots = new Map<string, DocNode>();
  #count = 0;

  constructor(private readonly max: number) {}

  get(layout: string, parts: readonly (string | DocTag | undefined)[], make: () => string): string {
    let node = this.#roots.get(layout);
    if (node === undefined) this.#roots.set(layout, (node = { next: new Map() }));
    for (const part of parts) {
      if (part === undefined || typeof part === 'string') node = child(node, part);
      else node = child(child(child(node, TAG_KEY), part.tag), part.text);
    }
    if (node.doc === undefined) {
      if (++this.#count > this.max) {
        this.#roots.clear();
        this.#count = 0;
      }
      node.doc = make();
    }
    return node.doc;
  }
}

function child(node: DocNode, key: DocKey): DocNode {
  let next = node.next.get(key);
  if (next === undefined) node.next.set(key, (next = { next: new Map() }));
  return next;
}

type DocKey = string | undefined | typeof TAG_KEY;

/** One trie node: layout → part → … → doc. */
interface DocNode {
  doc?: string;
  readonly next: Map<DocKey, DocNode>;
}
const DOCS = new DocMemo(100_000);

/** The section names ruff reads in a Google-style docstring (its `GOOGLE_SECTIONS`), as ruff spells them. */
const GOOGLE_SECTIONS = new Map(
  [
    'Args', 'Arguments', 'Attention', 'Attributes', 'Caution', 'Danger', 'Error', 'Example', 'Examples', 'Hint', 'Important',
    'Keyword Args', 'Keyword Arguments', 'Methods', 'Note', 'Notes', 'Other Args', 'Other Arguments', 'Raises', 'References',
    'Return', 'Returns', 'See Also', 'Tip', 'Todo', 'Warning', 'Warnings', 'Warns', 'Yield', 'Yields',
  ].map((name) => [name.toLowerCase(), name]),
);

/** A paragraph's end to ruff: a line a section header may follow. */
const PARAGRAPH_END = /(^|[,;.\-\\/\]})])$/;

/** The section name a line would be to ruff, spelled as written, or `undefined` (see `strayHeader`). */
function sectionName(lines: readonly string[], i: number): { readonly words: string; readonly colon: boolean } | undefined {
  const trimmed = (lines[i] as string).trim();
  const words = /^[\p{L}\p{N}\s]*/u.exec(trimmed)?.[0] ?? '';
  const suffix = trimmed.slice(words.length).trim();
  if ((suffix !== ':' && suffix !== '') || !GOOGLE_SECTIONS.has(words.toLowerCase())) return undefined;
  const next = lines[i + 1]?.trim() ?? '';
  const underlined = next !== '' && /^[-=]+$/.test(next);
  if (!underlined && i > 0 && !PARAGRAPH_END.test((lines[i - 1] as string).trim())) return undefined;
  return { words, colon: suffix === ':' };
}

/**
 * Whether ruff would read line `i` as a Google-style section header that the view did not write:
 * a section name alone, with or without a colon (`Note:`, `Example`), after a blank line or the end
 * of a sentence, or above a `---`/`===` underline. A header as ruff spells it, with its colon and
 * indented entries right below (the view's own `Args:`, `Returns:`), is a real section.
 */
function strayHeader(lines: readonly string[], i: number): boolean {
  const name = sectionName(lines, i);
  if (name === undefined) return false;
  const line = lines[i] as string;
  const next = lines[i + 1];
  const own = name.colon && GOOGLE_SECTIONS.get(name.words.toLowerCase()) === name.words && next !== undefined && /^\s+\S/.test(next);
  return !(own && next.length - next.trimStart().length > line.length - line.trimStart().length);
}

/**
 * Prose lines without stray section headers: ruff would hold the prose to section rules it was
 * never written for (`D405`, `D411`, `D412`, `D414`, `D416`). Each is joined to the next line with
 * text (`Note: This field …`), which no longer reads as a header; one with no text after it is
 * joined to the line before.
 */
function withoutSectionHeaders(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!strayHeader(lines, i)) {
      out.push(line);
      continue;
    }
    let j = i + 1;
    while (j < lines.length && (lines[j] as string).trim() === '') j++;
    if (j < lines.length) {
      // The joined line has text after the name: never a header itself.
      out.push(`${line.trimEnd()} ${(lines[j] as string).trim()}`);
      i = j;
      continue;
    }
    while (out.length > 0 && (out[out.length - 1] as string).trim() === '') out.pop();
    if (out.length > 0) out[out.length - 1] = `${out[out.length - 1] as string} ${line.trim()}`;
    else out.push(line);
  }
  return out;
}

/**
 * Wrapped lines without a stray header that wrapping made (a section name as the last word of a
 * sentence, alone on the next line): the word before it moves down to its line.
 */
function withoutWrappedHeaders(lines: string[]): string[] {
  for (let i = 1; i < lines.length; i++) {
    if (!strayHeader(lines, i)) continue;
    const previous = lines[i - 1] as string;
    const cut = previous.lastIndexOf(' ');
    if (previous.trim() === '' || cut <= previous.length - previous.trimStart().length) continue;
    const lead = /^\s*/.exec(lines[i] as string)?.[0] ?? '';
    lines[i - 1] = previous.slice(0, cut);
    lines[i] = `${lead}${previous.slice(cut + 1)} ${(lines[i] as string).trim()}`;
  }
  return lines;
}

function docstring(parts: readonly (string | undefined)[], indent: number, width: number, kind: DocKind): string {
  const docstringLayout = kind !== 'attribute';
  const lines: string[] = [];
  // A line holds its indentation, and the first (and a one-line docstring's only) line the quotes.
  const room = Math.max(40, width - indent - 6);
  for (const part of parts) {
    if (part === undefined) continue;
    const prose = proseLines(part).map(docstringSafe);
    const wrapped = (docstringLayout ? withoutSectionHeaders(prose) : prose).flatMap((line) => wrapProse(line, room));
    const body = docstringLayout ? withoutWrappedHeaders(wrapped) : wrapped;
    if (body.length === 0) continue;
    if (lines.length > 0) lines.push('');
    lines.push(...body);
  }
  if (lines.length === 0) return '';
  const pad = ' '.repeat(indent);
  if (docstringLayout) {
    // As ruff lays docstrings out: the summary without leading blanks (and a space before a quote
    // that opens it), the lines after it re-indented by their common indentation.
    lines[0] = (lines[0] as string).replace(/^\s+/, '').replace(/^"/, ' "');
    let common = Number.POSITIVE_INFINITY;
    for (let i = 1; i < lines.length; i++) if (lines[i] !== '') common = Math.min(common, (/^ */.exec(lines[i] as string) as RegExpExecArray)[0].length);
    if (common > 0 && Number.isFinite(common)) for (let i = 1; i < lines.length; i++) lines[i] = (lines[i] as string).slice(common);
  }
  // Outside functions (where ruff does not check it) a first word in camel case stays as it is.
  const summary = lines[0] as string;
  lines[0] = kind === 'function' ? capitalizedSummary(summary) : summary.replace(/^([a-z])([a-z]*\b)/, (_w, first: string, rest: string) => first.toUpperCase() + rest);
  const open = lines.some((l) => l.includes('\\')) ? 'r"""' : '"""';
  // On one line, the text must not end in a quote (`""""`) or a backslash (it would escape the
  // closing quote); before closing quotes on a line of their own, such a space would be trailing.
  if (lines.length === 1) return `${pad}${open}${lines[0]}${/["\\]$/.test(lines[0]) ? ' ' : ''}"""\n`;
  return `${pad}${open}${lines[0]}\n${lines.slice(1).map((l) => (l === '' ? '' : `${pad}${l}`)).join('\n')}\n${pad}"""\n`;
}

/**
 * A docstring's summary line with its first word capitalized where ruff's `D403` wants it: the
 * text up to its first blank, less final `.`, `!` and `?`, when that is a lower-case ASCII letter
 * followed by ASCII letters and apostrophes. Such a word in camel case (`oneOf`) is capitalized
 * too, as `ruff --fix` would.
 */
function capitalizedSummary(summary: string): string {
  const word = (/^\S*/.exec(summary) as RegExpExecArray)[0].replace(/[.!?]+$/, '');
  return /^[a-z][A-Za-z']*$/.test(word) ? `${summary.charAt(0).toUpperCase()}${summary.slice(1)}` : summary;
}

/** Docstrings are wrapped to the generated packages' line length (ruff `E501`: 120). */
const PY_DOC_WIDTH = 120;

/**
 * `line` broken at spaces into lines of at most `width` characters (a word longer than that stands
 * alone). Continuation lines keep the line's indentation, one level deeper for list items.
 */
export function wrapProse(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const lead = /^\s*/.exec(line)?.[0] ?? '';
  const hang = lead + (/^\s*([-*+]|\d+[.)])\s/.test(line) ? '  ' : '');
  const words = line.slice(lead.length).split(/ +/);
  const out: string[] = [];
  let current = lead;
  // Whether `current` holds a word yet (not only indentation); tracked, not recomputed per word.
  let filled = false;
  for (const word of words) {
    if (!filled) {
      current = `${current}${word}`;
      filled = word !== '';
    } else if (current.length + 1 + word.length > width) {
      out.push(current);
      current = `${hang}${word}`;
      filled = word !== '';
    } else current = `${current} ${word}`;
  }
  out.push(current);
  return out;
}

/** Text for a `#` comment: one line, no line terminators or control characters. */
export function pyCommentText(text: string): string {
  return lineCommentText(text);
}
