/**
 * Markdown tables laid out the way Prettier prints them (columns padded to their widest cell, the
 * delimiter row as wide as the column, at least `---`), so generated docs pass `prettier --check`.
 * Cells must already be escaped Markdown (`./escape.ts`); this module only measures and pads.
 */

const NARROW_ONLY = /^[\u0000-\u02ff]*$/;

/** Terminal columns of `text` as Prettier counts them: wide East Asian characters and emoji 2, combining marks 0. */
export function displayWidth(text: string): number {
  // Nearly every cell is below U+0300 (one column per code unit): skip the per-character walk.
  if (NARROW_ONLY.test(text)) return text.length;
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x300) width += 1;
    else if (/\p{Mn}|\p{Me}|\u200d|[\ufe00-\ufe0f]/u.test(ch)) continue;
    else if (isWide(code)) width += 2;
    else width += 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** A table from a header row and body rows (same number of cells each), one line per row, no trailing newline. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(3, ...all.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    `| ${widths.map((w, i) => {
      const cell = cells[i] ?? '';
      return cell + ' '.repeat(w - displayWidth(cell));
    }).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}
