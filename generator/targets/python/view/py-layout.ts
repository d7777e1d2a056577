/**
 * Python statements built of brackets (calls, `def` parameter lists, tuples, lists, dicts) laid out
 * exactly as `ruff format` lays them out, so a module the view prints this way can skip the
 * formatter (see `fitsRuffLines` in `../format`).
 *
 * ruff's layout of a bracket without comments (Black's, which ruff follows):
 * - the whole bracket on its line when it fits (counting what precedes it and the comma after
 *   it), unless a magic trailing comma (`(a, b,)` as written) is in it, which always splits it
 *   and every bracket around it;
 * - otherwise, for call arguments, subscripts and `def` parameters: all items on one line of
 *   their own between the opening line and the closing one, when that line fits;
 * - otherwise (and always for a tuple, list or dict display): one item per line, each followed by
 *   a comma; a lone item gets none, but for a one-item tuple (whose comma is syntax) and a lone
 *   parameter (ruff adds it, as Black does for a `def`). Each item is laid out by the same rules.
 * - a `def` whose parameters split may split its return annotation too; an assignment has its
 *   own order of choices (`pyAssignment`).
 *
 * Text that is not a bracket never breaks. What this cannot lay out within the line length (a name
 * longer than a line) comes out longer than the limit, and a module with such a line is left to
 * ruff: the layout only has to be right where every line fits. Checked against ruff construct by
 * construct (`styled-controllers.test.ts`) and over whole packages of real APIs: every module
 * kept as printed for GitHub's API and the corpus's specs is byte for byte what ruff writes.
 */
import { RUFF_SETTINGS } from '../ruff-settings';

/** How ruff splits a bracket that does not fit (see the top of this file). */
type BracketKind = 'arguments' | 'parameters' | 'display' | 'tuple';

/** Text that never breaks, or a bracket. */
export type PyExpr = string | PyBracket;

export interface PyBracket {
  readonly kind: BracketKind;
  /** Everything up to and including the opening bracket (`x = f(`, `params=(`, `"key": {`). */
  readonly open: string;
  readonly items: readonly PyExpr[];
  /** The closing bracket and what follows it on its line (`)`, `]`, `) -> int:`). */
  readonly close: string;
  /**
   * A `def`'s return annotation, between `) -> ` and `suffix` (`:`), when it may split: it then
   * does once the parameters have (ruff gives the parameters the first chance).
   */
  readonly returns?: { readonly type: PyExpr; readonly suffix: string };
  /** Written with a comma after its last item that is not syntax (not a one-item tuple's). */
  readonly magicComma: boolean;
  /** Split wherever it is: written with a magic trailing comma, or holding a bracket that is. */
  readonly split: boolean;
  /** The width on one line. */
  readonly width: number;
}

const widthOf = (e: PyExpr): number => (typeof e === 'string' ? e.length : e.width);
const splits = (e: PyExpr): boolean => typeof e !== 'string' && e.split;

function bracket(kind: BracketKind, open: string, items: readonly PyExpr[], close: string, magicComma = false): PyBracket {
  let width = open.length + close.length + Math.max(0, items.length - 1) * 2 + (kind === 'tuple' && items.length === 1 ? 1 : 0);
  for (const item of items) width += widthOf(item);
  // A trailing comma after a tuple's only item is syntax, not magic.
  const magic = magicComma && !(kind === 'tuple' && items.length === 1);
  return { kind, open, items, close, magicComma: magic, split: magic || items.some(splits), width };
}

const RETURNS = ') -> ';

/** `open` (`Operation(`, `x = f(`) followed by arguments and `)`. */
export function pyCall(open: string, args: readonly PyExpr[]): PyBracket {
  return bracket('arguments', open, args, ')');
}

/**
 * A `def` (`open`: `def name(`) with its parameters, its return annotation (`returns`, a type from
 * `pyTypeExpr`) and what ends the line (`suffix`: `:`, `: ...`).
 */
export function pyDef(open: string, params: readonly PyExpr[], returns: PyExpr, suffix: string): PyBracket {
  const def = bracket('parameters', open, params, `${RETURNS}${pyFlat(returns)}${suffix}`);
  return typeof returns === 'string' ? def : { ...def, returns: { type: returns, suffix }, split: def.split || returns.split };
}

/**
 * A tuple display after `prefix` (`params=`); `magicComma`: written with a comma after its last
 * item, which makes ruff split it whenever it has more than one.
 */
export function pyTuple(prefix: string, items: readonly PyExpr[], magicComma = false): PyBracket {
  return bracket('tuple', `${prefix}(`, items, ')', magicComma);
}

/** A list (`[]`) or dict (`{}`) display after `prefix`; dict items are `key: value` expressions. */
export function pyDisplay(prefix: string, brackets: '[]' | '{}', items: readonly PyExpr[]): PyBracket {
  return bracket('display', `${prefix}${brackets[0]}`, items, brackets[1]);
}

/** `e` on one line, magic trailing commas included (for text left to ruff). */
export function pyFlat(e: PyExpr): string {
  if (typeof e === 'string') return e;
  const comma = e.magicComma || (e.kind === 'tuple' && e.items.length === 1) ? ',' : '';
  return `${e.open}${e.items.map(pyFlat).join(', ')}${comma}${e.close}`;
}

/**
 * `e` starting at column `start` of a line indented `indent` spaces, with `after` characters after
 * it; `split`: split even if it fits.
 */
function layout(e: PyExpr, indent: number, start: number, after: number, split = false): string {
  const limit = RUFF_SETTINGS['line-length'];
  if (typeof e === 'string') return e;
  if ((!split && !e.split && start + e.width + after <= limit) || e.items.length === 0) return pyFlat(e);
  const inner = indent + 4;
  const pad = ' '.repeat(inner);
  const returns = e.returns;
  const closing = `\n${' '.repeat(indent)}${returns === undefined ? e.close : `${RETURNS}${layout(returns.type, indent, indent + RETURNS.length, returns.suffix.length)}${returns.suffix}`}`;
  const lone = e.items.length === 1;
  if (!e.split && (e.kind === 'arguments' || (e.kind === 'parameters' && !lone))) {
    const line = e.items.map(pyFlat).join(', ');
    if (inner + line.length <= limit) return `${e.open}\n${pad}${line}${closing}`;
  }
  const comma = !lone || e.kind === 'tuple' || e.kind === 'parameters' ? ',' : '';
  const lines = e.items.map((item) => `${pad}${layout(item, inner, inner, comma.length)}${comma}`);
  return `${e.open}\n${lines.join('\n')}${closing}`;
}

/**
 * A statement made of `e` at `indent`, as ruff lays it out (its own line or lines, no newline
 * after); `after`: what follows it on its last line (the comma of an item of a split bracket).
 */
export function pyStatement(e: PyExpr, indent: number, after = ''): string {
  return `${' '.repeat(indent)}${layout(e, indent, indent, after.length)}${after}`;
}

/** `e` with `before` ahead of it and `after` behind it on its lines. */
function affixed(e: PyExpr, before: string, after: string): PyExpr {
  if (typeof e === 'string') return `${before}${e}${after}`;
  return { ...e, open: `${before}${e.open}`, close: `${e.close}${after}`, width: e.width + before.length + after.length };
}

/**
 * `target: annotation = value` (either part optional) at `indent`, as ruff lays out an
 * assignment: on one line when it fits; else, for a bracket value, split inside its brackets when
 * the line up to them fits; else the value parenthesized on lines of its own when
 * `target: annotation = (` fits (even `None`); else the annotation split (`Optional[`, its
 * argument on a line of its own, `] = value`). `annotation` is a type from `pyTypeExpr`.
 */
export function pyAssignment(target: string, annotation: PyExpr | undefined, value: PyExpr | undefined, indent: number): string {
  const limit = RUFF_SETTINGS['line-length'];
  const pad = ' '.repeat(indent);
  const typed = annotation === undefined ? target : `${target}: ${pyFlat(annotation)}`;
  if (value === undefined) return pyStatement(annotation === undefined ? target : affixed(annotation, `${target}: `, ''), indent);
  const head = `${typed} = `;
  if (!splits(value) && indent + head.length + widthOf(value) <= limit) return `${pad}${head}${pyFlat(value)}`;
  if (typeof value !== 'string' && indent + head.length + value.open.length <= limit) return `${pad}${head}${layout(value, indent, indent + head.length, 0)}`;
  if (indent + head.length + 1 <= limit) return `${pad}${head}(\n${pad}    ${layout(value, indent + 4, indent + 4, 0)}\n${pad})`;
  if (annotation !== undefined && typeof annotation !== 'string' && annotation.items.length > 0) {
    const split = affixed(annotation, `${target}: `, ' = ') as PyBracket;
    return `${pad}${layout(split, indent, indent, 0, true)}${layout(value, indent, indent + split.close.length, 0)}`;
  }
  return `${pad}${head}${pyFlat(value)}`;
}

/**
 * `lead` followed by the conditional expression `value if test else orElse`, at `indent`, as ruff
 * lays it out: on one line when it fits. Else, for a statement (`return `; `statement`),
 * in parentheses: on a line of its own between them when that fits, else split before `if` and
 * `else`. A keyword argument on a line of its own (`name=`, `statement` false, `after` the comma)
 * is not parenthesized: it splits before `if` and `else` at its own indentation. The parts are
 * text that never breaks; a line still too long is left to ruff (`fitsRuffLines`).
 */
export function pyConditional(lead: string, value: string, test: string, orElse: string, indent: number, statement: boolean, after = ''): string {
  const limit = RUFF_SETTINGS['line-length'];
  const pad = ' '.repeat(indent);
  const flat = `${value} if ${test} else ${orElse}`;
  if (indent + lead.length + flat.length + after.length <= limit) return `${pad}${lead}${flat}${after}`;
  if (!statement) return `${pad}${lead}${value}\n${pad}if ${test}\n${pad}else ${orElse}${after}`;
  const inner = ' '.repeat(indent + 4);
  const body = inner.length + flat.length <= limit ? `${inner}${flat}` : `${inner}${value}\n${inner}if ${test}\n${inner}else ${orElse}`;
  return `${pad}${lead}(\n${body}\n${pad})${after}`;
}

/** A name, a bracket, a comma, or a literal (of `Literal[...]`, `Tag("x")`). */
const TYPE_TOKEN = /\s*([A-Za-z_][\w.]*|[[\](),]|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|-?\d+)/y;
const CLOSING: Readonly<Record<string, string>> = { '[': ']', '(': ')' };

/**
 * A type annotation (`Union[A, List[B]]`, `Annotated[A, Tag("a")]`) as brackets ruff can split (a
 * subscript splits as a call's arguments do), after `prefix` (`body: `) and before `suffix`
 * (` = None`); the text as it is when it is not made of names, subscripts, calls and literals.
 */
export function pyTypeExpr(prefix: string, type: string, suffix: string): PyExpr {
  const tokens: string[] = [];
  TYPE_TOKEN.lastIndex = 0;
  for (let match = TYPE_TOKEN.exec(type); match !== null; match = TYPE_TOKEN.exec(type)) {
    tokens.push(match[1] as string);
    if (TYPE_TOKEN.lastIndex === type.length) break;
  }
  if (TYPE_TOKEN.lastIndex !== type.length || tokens.length === 0) return `${prefix}${type}${suffix}`;
  let next = 0;
  const parse = (before: string, after: string): PyExpr | undefined => {
    const name = tokens[next++];
    if (name === undefined || '[](),'.includes(name)) return undefined;
    const open = tokens[next] ?? '';
    const close = CLOSING[open];
    if (close === undefined) return `${before}${name}${after}`;
    next++;
    const args: PyExpr[] = [];
    for (;;) {
      const arg = parse('', '');
      if (arg === undefined) return undefined;
      args.push(arg);
      const token = tokens[next++];
      if (token === close) break;
      if (token !== ',') return undefined;
    }
    return bracket('arguments', `${before}${name}${open}`, args, `${close}${after}`);
  };
  const tree = parse(prefix, suffix);
  return tree === undefined || next !== tokens.length ? `${prefix}${type}${suffix}` : tree;
}
