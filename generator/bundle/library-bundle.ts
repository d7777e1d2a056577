/**
 * Bundles a multi-document spec into one document with `@apidevtools/json-schema-ref-parser`.
 *
 * Runs only after `crawlRefs` has loaded and vetted every document, so the resolver here just
 * serves those parsed documents: nothing is read twice, and nothing the policy refused can be
 * read (a request for anything else fails, naming the `$ref` that led there). Each document is
 * served as the part the crawler reached (`./reached.ts`), and dangling `$ref`s are hidden
 * (`./dangling-refs.ts`), so the library only meets references the crawler checked.
 */
import { fileURLToPath } from 'node:url';
import type { SourceDocument } from '../load';
import { getAtPointer, parsePointer } from '../load/json-pointer';
import type { CrawlResult, RefSite } from './crawl';
import { bundleFailure, unvettedRead } from './bundle-failure';
import { hideDanglingRefs } from './dangling-refs';
import { directInternalRefs } from './direct-refs';
import { encodeInternalRefs } from './encode-refs';
import { isLiteralPath } from './literal-paths';
import { hideLiteralRefs } from './literal-refs';
import { reachedPart } from './reached';
import { isRemote } from './ref-target';
import type { SourceSet } from './source-set';

/** The library's view of a file it asks us to read (`reference`/`baseUrl`: the `$ref` that led there). */
interface LibraryFile {
  readonly url: string;
  readonly data?: unknown;
  readonly reference?: string;
  readonly baseUrl?: string;
}

/** Bundles `root` (already crawled) and returns the single resulting document. */
export async function bundleWithLibrary(root: SourceDocument, sources: SourceSet, crawl: CrawlResult): Promise<Record<string, unknown>> {
  // ESM-only package: a native dynamic import keeps this CommonJS build able to load it.
  const { $RefParser } = await import('@apidevtools/json-schema-ref-parser');
  const documents = await sources.all();
  const served = new Map<string, unknown>();
  for (const document of documents) {
    const reached = crawl.reached.get(document);
    served.set(document.file, document === root || !reached ? document.value : reachedPart(document.value, reached));
  }
  // The first request for an unvetted document: the library wraps what `read` throws into its own
  // error, so the details travel beside it.
  let refused: Error | undefined;
  const read = (file: LibraryFile): unknown => {
    const key = keyOf(file.url);
    if (served.has(key)) return served.get(key);
    // Never read an unvetted document, whatever led the library there.
    refused ??= unvettedRead(key, file, root, documents);
    throw refused;
  };

  const parser = new $RefParser();
  const backToRoot = holdersOf(crawl.toRoot);
  const restoreLiteralRefs = hideLiteralRefs(documents);
  const restoreDanglingRefs = hideDanglingRefs(crawl.dangling, root);
  try {
    const bundled = await parser.bundle(root.file, {
      resolve: {
        external: true,
        file: false,
        http: false,
        sdkgen: { order: 1, canRead: true, read },
      },
      parse: {
        json: false,
        yaml: false,
        text: false,
        binary: false,
        sdkgen: { order: 1, canParse: true, allowEmpty: true, parse: (file: LibraryFile) => file.data },
      },
      bundle: { excludedPathMatcher: (path: string) => isLiteralPath(parsePointer(path)) },
    } as never);
    // The library leaves a `$ref` from another file back into the root as written
    // (`../api.yaml#/components/schemas/Thing`); in the bundled document it is internal.
    for (const { holder, ref } of backToRoot) if (holder.$ref === ref) holder.$ref = fragmentOf(ref);
    // Literal and dangling `$ref`s are still hidden here, so only real references are rewritten.
    encodeInternalRefs(bundled);
    directInternalRefs(bundled as unknown as Record<string, unknown>);
    return bundled as unknown as Record<string, unknown>;
  } catch (error) {
    throw refused ?? bundleFailure(error, root, documents);
  } finally {
    restoreDanglingRefs();
    restoreLiteralRefs();
  }
}

/** The objects holding these `$ref`s, taken before the library rewrites anything. */
function holdersOf(sites: readonly RefSite[]): Array<{ holder: Record<string, unknown>; ref: string }> {
  const out: Array<{ holder: Record<string, unknown>; ref: string }> = [];
  for (const site of sites) {
    const holder = getAtPointer(site.source.value, site.segments);
    if (holder !== null && typeof holder === 'object' && !Array.isArray(holder)) out.push({ holder: holder as Record<string, unknown>, ref: site.ref });
  }
  return out;
}

function fragmentOf(ref: string): string {
  const hash = ref.indexOf('#');
  return hash >= 0 ? ref.slice(hash) : '#';
}

/** The library hands us absolute paths or URLs (maybe percent-encoded); map them to our cache keys. */
export function keyOf(url: string): string {
  if (isRemote(url)) return url.split('#')[0] as string;
  const bare = url.split('#')[0] as string;
  if (bare.startsWith('file:')) return fileURLToPath(bare);
  try {
    return decodeURIComponent(bare);
  } catch {
    return bare;
  }
}
