/** The documents a spec is made of, loaded once each, with the ref-root policy applied. */
import { loadSourceFile, loadSourceUrl, type SourceDocument } from '../load';
import { checkLocalAccess, realRootOf, type AccessDecision } from './ref-policy';

export class SourceSet {
  private readonly byKey = new Map<string, Promise<SourceDocument>>();
  private realRoot: Promise<string> | undefined;

  constructor(
    readonly refRoot: string,
    readonly allowRemoteRefs: boolean,
  ) {}

  /** Every document loaded so far (resolved), root first. */
  async all(): Promise<SourceDocument[]> {
    return Promise.all(this.byKey.values());
  }

  /** Loads the root document (not subject to the ref root: the user named it). */
  root(path: string): Promise<SourceDocument> {
    return this.cached(path, () => loadSourceFile(path));
  }

  /** Checks a local ref target against the ref root; does not read it. */
  async access(path: string): Promise<AccessDecision> {
    this.realRoot ??= realRootOf(this.refRoot);
    return checkLocalAccess(path, this.refRoot, await this.realRoot);
  }

  /** Loads a local file that `access` allowed. */
  file(path: string): Promise<SourceDocument> {
    return this.cached(path, () => loadSourceFile(path));
  }

  /** Loads a remote document; callers check `allowRemoteRefs` first. */
  url(url: string): Promise<SourceDocument> {
    return this.cached(url, () => loadSourceUrl(url));
  }

  /** An already loaded document, if any. */
  peek(key: string): Promise<SourceDocument> | undefined {
    return this.byKey.get(key);
  }

  private cached(key: string, load: () => Promise<SourceDocument>): Promise<SourceDocument> {
    let pending = this.byKey.get(key);
    if (!pending) {
      pending = load();
      this.byKey.set(key, pending);
    }
    return pending;
  }
}
