/**
 * What a user is told when the bundling library fails: the document, the `$ref`, where it stands
 * (file:line:column) and the library's own reason. The library reports the file it was working
 * on, not the reference that led there, so the reference is looked up here.
 */
import { SpecError } from '../errors';
import type { SourceDocument } from '../load';
import { formatPointer, getAtPointer, parsePointer } from '../load/json-pointer';
import type { Problem } from '../problems';
import { resolveRefTarget } from './ref-target';

interface Site {
  readonly source: SourceDocument;
  readonly segments: readonly string[];
  readonly ref: string;
}

/** The library asked for `key`, which the crawler never vetted; `file.baseUrl` is the `$ref`'s place. */
export function unvettedRead(
  key: string,
  file: { readonly baseUrl?: string; readonly reference?: string },
  root: SourceDocument,
  documents: readonly SourceDocument[],
): SpecError {
  // With a `$id` in scope the library's base is that URI, not the file: then match the text.
  const written = file.reference;
  const site =
    siteAt(file.baseUrl, documents) ??
    findSite(documents, (target, ref) => target === key || (written !== undefined && ref.split('#')[0] === written));
  const cause =
    `it resolved to ${key}, which sdkgen did not check against the ref policy, so it is not read ` +
    '(sdkgen resolves a $ref against the file it stands in; a `$id` that changes the base URI is not supported)';
  return failure(root, site, file.reference, cause);
}

/** Any other failure of the library (`error` is one of its errors, or anything it threw). */
export function bundleFailure(error: unknown, root: SourceDocument, documents: readonly SourceDocument[]): SpecError {
  const { message, source } = error as { message?: unknown; source?: unknown };
  const cause = typeof message === 'string' && message !== '' ? message : String(error);
  const target = typeof source === 'string' ? source.split('#')[0] : undefined;
  const site = target === undefined ? undefined : findSite(documents, (file) => file === target);
  return failure(root, site, undefined, cause, error);
}

function failure(root: SourceDocument, site: Site | undefined, reference: string | undefined, cause: string, error?: unknown): SpecError {
  const ref = site?.ref ?? reference;
  const what = ref === undefined ? '' : `$ref '${ref}'${site ? ` at ${formatPointer(site.segments)} in ${site.source.file}` : ''}: `;
  const location = (site ? site.source.locate([...site.segments, '$ref']) : undefined) ?? { file: site?.source.file ?? root.file, line: 1, column: 1 };
  const problem: Problem = { severity: 'error', message: `cannot bundle ${what}${cause}`, location };
  return new SpecError(`cannot bundle ${root.file} (1 problem)`, [problem], error === undefined ? undefined : { cause: error });
}

/** The `$ref` holder at `baseUrl` (`/abs/file.yaml#/pointer`), if it is one of the documents. */
function siteAt(baseUrl: string | undefined, documents: readonly SourceDocument[]): Site | undefined {
  if (baseUrl === undefined) return undefined;
  const hash = baseUrl.indexOf('#');
  const file = decodeSafe(hash >= 0 ? baseUrl.slice(0, hash) : baseUrl);
  const source = documents.find((d) => d.file === file);
  if (!source) return undefined;
  const segments = parsePointer(hash >= 0 ? baseUrl.slice(hash) : '#');
  const holder = getAtPointer(source.value, segments) as { $ref?: unknown } | undefined;
  return typeof holder?.$ref === 'string' ? { source, segments, ref: holder.$ref } : undefined;
}

/** The first `$ref` (documents in order, depth-first) that passes `test` (its target file, its text). */
function findSite(documents: readonly SourceDocument[], test: (targetFile: string, ref: string) => boolean): Site | undefined {
  for (const source of documents) {
    const stack: Array<{ node: unknown; segments: string[] }> = [{ node: source.value, segments: [] }];
    const seen = new Set<object>();
    while (stack.length > 0) {
      const { node, segments } = stack.pop() as (typeof stack)[number];
      if (node === null || typeof node !== 'object' || seen.has(node)) continue;
      seen.add(node);
      const ref = (node as { $ref?: unknown }).$ref;
      if (typeof ref === 'string') {
        const target = resolveRefTarget(ref, source.file);
        const file = target.kind === 'file' ? target.path : target.kind === 'remote' ? target.url.split('#')[0] : target.kind === 'internal' ? source.file : undefined;
        if (file !== undefined && test(file, ref)) return { source, segments, ref };
      }
      const entries = Object.entries(node);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i] as [string, unknown];
        stack.push({ node: child, segments: [...segments, key] });
      }
    }
  }
  return undefined;
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
