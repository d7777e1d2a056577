/** Maps JSON-pointer segments to source positions in a `yaml` Document (works for JSON text too). */
import type { Document, LineCounter, Node } from 'yaml';
import { yamlPackage } from './yaml-package';
import type { SourceLocation } from '../problems';

/**
 * Position of the node at `segments`. For a map entry it is the position of the key (what a user
 * looks for in an editor); when a segment does not exist, the deepest existing ancestor's position.
 */
export function locateInYaml(
  doc: Document,
  lineCounter: LineCounter,
  file: string,
  segments: readonly string[],
): SourceLocation | undefined {
  const { isMap, isSeq } = yamlPackage();
  let node: unknown = doc.contents;
  let offset: number | undefined = rangeStart(node);
  for (const segment of segments) {
    node = resolveAlias(doc, node);
    if (isMap(node)) {
      const pair = node.items.find((item) => keyText(item.key) === segment);
      if (!pair) break;
      offset = rangeStart(pair.key) ?? rangeStart(pair.value) ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = /^(0|[1-9][0-9]*)$/.test(segment) ? node.items[Number(segment)] : undefined;
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { file, line, column: col };
}

function resolveAlias(doc: Document, node: unknown): unknown {
  // Bounded: an alias can only point to an earlier anchor, but guard against pathological chains.
  const { isAlias } = yamlPackage();
  for (let i = 0; i < 32 && isAlias(node); i++) node = node.resolve(doc);
  return node;
}

function keyText(key: unknown): string {
  if (yamlPackage().isScalar(key)) return String(key.value);
  return String(key);
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}
