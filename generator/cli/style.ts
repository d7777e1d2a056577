/**
 * Colours, kept tiny and dependency-free: errors red, warnings yellow, summaries green. Only for a
 * terminal, and never when `NO_COLOR` is set (https://no-color.org), so logs and pipes stay plain.
 */
import type { CliIo } from './io';

/** Wraps text in a colour, or returns it unchanged when colours are off. */
export type Paint = (text: string) => string;

/** The three colours the CLI uses. */
export interface Palette {
  readonly error: Paint;
  readonly warning: Paint;
  readonly success: Paint;
}

const plain: Paint = (text) => text;
const sgr =
  (code: number): Paint =>
  (text) =>
    text === '' ? text : `\u001b[${code}m${text}\u001b[39m`;

/** No colours at all. */
export const PLAIN: Palette = { error: plain, warning: plain, success: plain };

/** Whether colours may be written to `stream` of `io`. */
export function colorsEnabled(io: CliIo, stream: 'stdout' | 'stderr'): boolean {
  const noColor = io.env?.['NO_COLOR'];
  return io.isTTY?.[stream] === true && (noColor === undefined || noColor === '');
}

/** The palette for one stream of `io`. */
export function paletteFor(io: CliIo, stream: 'stdout' | 'stderr'): Palette {
  return colorsEnabled(io, stream) ? { error: sgr(31), warning: sgr(33), success: sgr(32) } : PLAIN;
}
