/**
 * Walks a spec and everything its `$ref`s reach, before any bundling: loads every referenced
 * document through the loader (so positions are known per file), applies the safety policy and
 * checks that every target exists. All problems are collected so the user sees them at once.
 *
 * Only what is reached is walked: the root document whole, other documents from each referenced
 * node down. A shared file (3GPP's `TS29571_CommonData.yaml`) refers to a dozen other files from
 * parts a given API never uses; those files are neither read nor required. `reached` records the
 * walked subtrees so that the bundler is shown exactly those (see `./reached.ts`).
 *
 * A `$ref` whose target does not exist (a missing pointer, or a missing file inside the ref root)
 * is *dangling*: reported with a workaround (typed `unknown`), so it is a warning unless
 * `--strict`. A refused, unreadable or unparsable target is always an error.
 */
import type { Problem } from '../problems';
import { formatPointer, getAtPointer } from '../load/json-pointer';
import type { SourceDocument } from '../load';
import { SpecError } from '../errors';
import { isLiteralKey } from './literal-paths';
import { resolveRefTarget } from './ref-target';
import type { SourceSet } from './source-set';

/** Where a `$ref` stands: its document and the pointer segments of the object holding it. */
export interface RefSite {
  readonly source: SourceDocument;
  readonly segments: readonly string[];
  readonly ref: string;
}

export interface CrawlResult {
  /** Whether any `$ref` leads outside the root document (then the library bundles). */
  readonly hasExternalRefs: boolean;
  /** Errors, and dangling `$ref`s (warnings with a workaround), in reading order. */
  readonly problems: readonly Problem[];
  /** Per document other than the root: the pointer segments of every subtree walked. */
  readonly reached: ReadonlyMap<SourceDocument, ReadonlyArray<readonly string[]>>;
  /** The `$ref`s whose target does not exist, in reading order. */
  readonly dangling: readonly RefSite[];
  /** `$ref`s of other documents that lead back into the root document (cycles through the root). */
  readonly toRoot: readonly RefSite[];
}

/** What sdkgen does with a dangling `$ref` instead of stopping. */
export const DANGLING_WORKAROUND = 'its target is typed `unknown`';

interface Visit {
  readonly source: SourceDocument;
  /** Pointer segments of `node` inside `source`. */
  readonly segments: string[];
  /** Segments as seen from the bundled root (for the literal-data rule, which depends on context). */
  readonly context: string[];
}

/** Crawls from `root`; returns problems instead of throwing on the first one. */
export async function crawlRefs(root: SourceDocument, sources: SourceSet): Promise<CrawlResult> {
  const problems: Problem[] = [];
  const dangling: RefSite[] = [];
  const toRoot: RefSite[] = [];
  let hasExternalRefs = false;
  const queue: Visit[] = [{ source: root, segments: [], context: [] }];
  // Subtrees already walked, per document: avoids re-walking shared targets and loops between files.
  const done = new Map<SourceDocument, Set<string>>();
  const reached = new Map<SourceDocument, string[][]>();

  const report = (site: Visit, ref: string, detail: string, workaround?: string): void => {
    const where = formatPointer(site.segments);
    const what = workaround === undefined ? 'cannot resolve $ref' : 'dangling $ref';
    problems.push({
      severity: workaround === undefined ? 'error' : 'warning',
      message: `${what} '${ref}' at ${where} in ${site.source.file}: ${detail}`,
      ...(site.source === root ? { pointer: where } : {}),
      location: site.source.locate([...site.segments, '$ref']) ?? { file: site.source.file, line: 1, column: 1 },
      ...(workaround === undefined ? {} : { workaround }),
    });
  };
  const refProblem = (site: Visit, ref: string, detail: string): void => report(site, ref, detail);
  const danglingRef = (site: Visit, ref: string, detail: string): void => {
    dangling.push({ source: site.source, segments: site.segments, ref });
    report(site, ref, detail, DANGLING_WORKAROUND);
  };

  const follow = async (site: Visit, ref: string): Promise<void> => {
    const target = resolveRefTarget(ref, site.source.file);
    let targetSource: SourceDocument;
    switch (target.kind) {
      case 'unsupported':
        return refProblem(site, ref, target.reason);
      case 'internal':
        targetSource = site.source;
        break;
      case 'remote':
        if (!sources.allowRemoteRefs) {
          return refProblem(site, ref, 'remote references are refused (pass --allow-remote-refs to fetch them)');
        }
        try {
          targetSource = await sources.url(target.url);
        } catch (error) {
          return refProblem(site, ref, loadFailure(error));
        }
        break;
      case 'file': {
        const access = await sources.access(target.path);
        if (!access.ok) {
          // Outside the ref root is refused whether or not the file exists; only a file missing
          // inside it is a dangling reference.
          if (access.reason === 'missing') return danglingRef(site, ref, access.detail);
          return refProblem(site, ref, `refused: ${access.detail} (use --ref-root to widen it)`);
        }
        try {
          targetSource = await sources.file(target.path);
        } catch (error) {
          return refProblem(site, ref, loadFailure(error));
        }
        break;
      }
    }
    if (targetSource !== root) hasExternalRefs = true;
    if (getAtPointer(targetSource.value, target.segments) === undefined) {
      return danglingRef(site, ref, `${formatPointer(target.segments)} does not exist in ${targetSource.file}`);
    }
    // The root document is walked whole; other documents only where they are referenced.
    if (targetSource !== root) queue.push({ source: targetSource, segments: target.segments, context: site.context });
    else if (site.source !== root) toRoot.push({ source: site.source, segments: site.segments, ref });
  };

  while (queue.length > 0) {
    const visit = queue.shift() as Visit;
    const key = formatPointer(visit.segments);
    let walked = done.get(visit.source);
    if (!walked) done.set(visit.source, (walked = new Set()));
    if (walked.has(key)) continue;
    walked.add(key);
    if (visit.source !== root) {
      let list = reached.get(visit.source);
      if (!list) reached.set(visit.source, (list = []));
      list.push(visit.segments);
    }
    const sites: Array<{ site: Visit; ref: string }> = [];
    collectRefs(getAtPointer(visit.source.value, visit.segments), visit, sites, visit.source.format === 'yaml');
    for (const { site, ref } of sites) await follow(site, ref);
  }
  return { hasExternalRefs, problems: problems.sort(byLocation), reached, dangling: dangling.sort(bySite), toRoot };
}

/** A node on the walk; segments are materialised only for the few nodes that hold a `$ref`. */
interface Frame {
  readonly node: unknown;
  readonly key: string;
  readonly parent: Frame | undefined;
}

function segmentsOf(frame: Frame, base: readonly string[]): string[] {
  const reversed: string[] = [];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) reversed.push(f.key);
  return [...base, ...reversed.reverse()];
}

/** The last three keys leading to `frame` (what the literal-data rule looks at), context included. */
function tailOf(frame: Frame, context: readonly string[]): string[] {
  const tail: string[] = [];
  let f: Frame | undefined = frame;
  while (tail.length < 3 && f?.parent) {
    tail.unshift(f.key);
    f = f.parent;
  }
  return tail.length < 3 ? [...context.slice(tail.length - 3), ...tail] : tail;
}

/**
 * Finds every `$ref` below `node`. Iterative for deep documents, and allocation-light because it
 * runs over every node of multi-megabyte specs. The `seen` guard is only needed for YAML, where
 * aliases can make a node appear twice (JSON.parse always yields a tree).
 */
function collectRefs(
  node: unknown,
  at: Visit,
  out: Array<{ site: Visit; ref: string }>,
  guardShared: boolean,
): void {
  const seen = guardShared ? new Set<object>() : undefined;
  const stack: Frame[] = [{ node, key: '', parent: undefined }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const current = frame.node;
    if (current === null || typeof current !== 'object') continue;
    if (seen) {
      if (seen.has(current)) continue;
      seen.add(current);
    }
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) {
        const child: unknown = current[i];
        if (child !== null && typeof child === 'object') stack.push({ node: child, key: String(i), parent: frame });
      }
      continue;
    }
    const record = current as Record<string, unknown>;
    if (typeof record.$ref === 'string') {
      const segments = segmentsOf(frame, at.segments);
      const context = [...at.context, ...segments.slice(at.segments.length)].slice(-3);
      out.push({ site: { source: at.source, segments, context }, ref: record.$ref });
      continue;
    }
    for (const key in record) {
      const value = record[key];
      if (value === null || typeof value !== 'object') continue;
      const child: Frame = { node: value, key, parent: frame };
      // Cheap pre-check: the literal rule only ever fires on these keys.
      if ((key === 'example' || key === 'default' || key === 'enum' || key === 'const' || key === 'value') && isLiteralKey(tailOf(child, at.context))) {
        continue;
      }
      stack.push(child);
    }
  }
}

function loadFailure(error: unknown): string {
  if (error instanceof SpecError) {
    const first = error.problems[0];
    return first?.location
      ? `${first.message} (${first.location.file}:${first.location.line}:${first.location.column})`
      : error.message;
  }
  return (error as Error).message;
}

/** Dangling sites in a stable order (file, then pointer), whatever order the walk found them in. */
function bySite(a: RefSite, b: RefSite): number {
  if (a.source.file !== b.source.file) return a.source.file < b.source.file ? -1 : 1;
  const pa = formatPointer(a.segments);
  const pb = formatPointer(b.segments);
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}

/** Problems in reading order (file, line, column), whatever order the walk found them in. */
function byLocation(a: Problem, b: Problem): number {
  const la = a.location;
  const lb = b.location;
  if (!la || !lb) return 0;
  if (la.file !== lb.file) return la.file < lb.file ? -1 : 1;
  return la.line - lb.line || la.column - lb.column;
}
