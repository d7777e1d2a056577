/**
 * Parses spec text (YAML or JSON) into plain values while keeping a way back to source positions.
 *
 * JSON is parsed with `JSON.parse` (an order of magnitude faster than a YAML parser on multi-MB
 * specs), plain YAML with js-yaml (`./plain-yaml`), and either is only re-parsed with `yaml` the
 * first time a position is asked for, which happens only when there is something to report. Other
 * YAML is parsed by `yaml` right away.
 */
import type { Document, LineCounter } from 'yaml';
import { SpecError } from '../errors';
import type { SourceLocation } from '../problems';
import { findJsonSyntaxError } from './json-syntax';
import { loadPlainYaml } from './plain-yaml';
import { locateInYaml } from './yaml-locator';
import { yamlPackage } from './yaml-package';

/** One parsed source file (or fetched URL). */
export interface SourceDocument {
  /** Absolute path (or URL) of the source, as printed in locations. */
  readonly file: string;
  readonly format: 'json' | 'yaml';
  /** The parsed value (plain objects, arrays and scalars). */
  readonly value: unknown;
  /** Where the node at these (file-local, unescaped) pointer segments stands; nearest ancestor if missing. */
  locate(segments: readonly string[]): SourceLocation | undefined;
}

/** Whether text should go through `JSON.parse` first: by extension, or by its first character. */
function looksLikeJson(text: string, file: string): boolean {
  if (/\.json$/i.test(file)) return true;
  if (/\.ya?ml$/i.test(file)) return false;
  return /^\s*[{[]/.test(text);
}

/** Parses `text` read from `file`; throws `SpecError` (with line and column) on a syntax error. */
export function parseSource(text: string, file: string): SourceDocument {
  return looksLikeJson(text, file) ? parseJson(text, file) : parseYaml(text, file);
}

function parseJson(text: string, file: string): SourceDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw jsonSyntaxError(text, file, error);
  }
  // JSON allows duplicate keys (the last wins), YAML does not.
  return { file, format: 'json', value, locate: locatorOnDemand(text, file, { uniqueKeys: false }) };
}

/** `locate` of a source parsed by something else than `yaml`: `yaml` parses it the first time it is called. */
function locatorOnDemand(text: string, file: string, options: { uniqueKeys?: boolean; merge?: boolean }): SourceDocument['locate'] {
  let positions: { doc: Document; lineCounter: LineCounter } | undefined;
  return (segments) => {
    if (!positions) {
      const { LineCounter, parseDocument } = yamlPackage();
      const lineCounter = new LineCounter();
      positions = { doc: parseDocument(text, { lineCounter, ...options }), lineCounter };
    }
    return locateInYaml(positions.doc, positions.lineCounter, file, segments);
  };
}

const YAML_OPTIONS = { merge: true } as const;

function parseYaml(text: string, file: string): SourceDocument {
  const plain = loadPlainYaml(text);
  if (plain !== undefined) return { file, format: 'yaml', value: plain.value, locate: locatorOnDemand(text, file, YAML_OPTIONS) };
  const { LineCounter, parseDocument } = yamlPackage();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, ...YAML_OPTIONS });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      return {
        severity: 'error' as const,
        message: `YAML syntax error: ${firstLine(e.message)}`,
        location: { file, line: pos.line, column: pos.col },
      };
    });
    throw new SpecError(`cannot parse ${file}`, problems);
  }
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (error) {
    // e.g. too many alias expansions (a "billion laughs" document).
    throw new SpecError(`cannot parse ${file}: ${(error as Error).message}`, [
      { severity: 'error', message: (error as Error).message, location: { file, line: 1, column: 1 } },
    ]);
  }
  return {
    file,
    format: 'yaml',
    value,
    locate: (segments) => locateInYaml(doc, lineCounter, file, segments),
  };
}

/** `yaml` messages end with " at line L, column C:" plus a code excerpt; the location is reported separately. */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function jsonSyntaxError(text: string, file: string, error: unknown): SpecError {
  const found = findJsonSyntaxError(text);
  const offset = found?.offset ?? 0;
  const message = found?.message ?? (error as Error).message;
  const { line, column } = offsetToLineColumn(text, offset);
  return new SpecError(`cannot parse ${file}`, [
    { severity: 'error', message: `JSON syntax error: ${message}`, location: { file, line, column } },
  ]);
}

function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
