/**
 * ruff's `E501` (line too long) over generated modules. The packages' lint settings select it, and
 * ruff's formatter cannot shorten every line: a name longer than a line, a long URL path in a
 * comment, a line of the validation table. A module with such a line gets a file-level
 * `# ruff: noqa: E501` under its header comment, and only such a module: ruff reports an exemption
 * that exempts nothing (`RUF100`).
 *
 * A line is reported as ruff reports it (pycodestyle's rule): wider than the limit, of more than
 * one word, and not ending in a URL that starts within the limit. Widths are ruff's for lines of
 * characters one column wide (`NARROW_LINE`, nearly every line); ruff itself measures the others.
 */
import { RUFF_SETTINGS } from './ruff-settings';

export const LONG_LINE_EXEMPTION = '# ruff: noqa: E501';

/**
 * Characters ruff measures one column wide (printable ASCII; Latin, Greek, Cyrillic but its
 * combining marks; general punctuation; arrows).
 */
export const NARROW_CHARS = '\\x20-\\x7e\\xa0-\\xac\\xae-\\u024f\\u0370-\\u0482\\u048a-\\u04ff\\u2010-\\u2027\\u2030-\\u205e\\u2190-\\u21ff';
const NARROW_LINE = new RegExp(`^[${NARROW_CHARS}]*$`);

/** Unicode blanks other than the space and the line ends (ruff's `split_whitespace` splits at them). */
const OTHER_BLANK_CHARS = '\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
export const OTHER_BLANKS = new RegExp(`[${OTHER_BLANK_CHARS}]`);
const BLANKS = new RegExp(`[ ${OTHER_BLANK_CHARS}]+`);

interface LintWorkspace {
  check(code: string): readonly { readonly code: string | null }[];
}

let lint: LintWorkspace | undefined;

/** Whether ruff reports `line`, a line of characters one column wide. */
function reported(line: string): boolean {
  const limit = RUFF_SETTINGS['line-length'];
  if (line.length <= limit) return false;
  const words = line.split(BLANKS).filter((w) => w !== '');
  const last = words[words.length - 1] ?? '';
  return words.length > 1 && !(last.includes('://') && line.length - last.length <= limit);
}

/** Whether ruff itself reports a line of `code` (a whole module: loaded only for wide characters). */
function ruffReports(code: string): boolean {
  if (lint === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ruff = require('@astral-sh/ruff-wasm-nodejs') as typeof import('@astral-sh/ruff-wasm-nodejs');
    lint = new ruff.Workspace({ ...RUFF_SETTINGS, lint: { select: ['E501'] } }, ruff.PositionEncoding.Utf16) as LintWorkspace;
  }
  return lint.check(code).some((d) => d.code === 'E501');
}

/**
 * Lines worth measuring: over half the limit in UTF-16 units (a character is two columns at most).
 * Only `\n` ends a line, as in Python (not U+2028, which `.` and `^`/`$` would take as one).
 */
const MAYBE_LONG = new RegExp(`(?<=^|\\n)[^\\n]{${Math.floor(RUFF_SETTINGS['line-length'] / 2) + 1},}`, 'g');

/** Whether ruff's `E501` reports a line of `code` (a module). */
export function hasLongLine(code: string): boolean {
  let wide = false;
  for (const [line] of code.matchAll(MAYBE_LONG)) {
    if (!NARROW_LINE.test(line)) wide = true;
    else if (reported(line)) return true;
  }
  return wide && ruffReports(code);
}

/** `code` (a formatted module) with the file-level exemption when a line of it needs one. */
export function withLongLineExemption(code: string): string {
  if (!hasLongLine(code)) return code;
  const header = code.startsWith('#') ? code.indexOf('\n') + 1 : 0;
  return `${code.slice(0, header)}${LONG_LINE_EXEMPTION}\n${code.slice(header)}`;
}
