/**
 * What a target is: its naming policy, its view, its template folder, its runtime and where the
 * runtime lands. Each target lives in `generator/targets/<target>/` and is listed once in
 * `./index.ts`; the pipeline and the render stage only talk to this interface.
 */
import type { NamingConfig, TargetConfig } from '../config/types';
import type { Ir } from '../ir/types';
import type { NamingPolicy, Names } from '../naming';
import type { GeneratedFile } from '../render';

/** One file to render: a template (relative to the template folder) and its output path. */
export interface ViewFile {
  readonly template: string;
  readonly path: string;
  readonly context: Record<string, unknown>;
  /**
   * The view printed it in the formatter's style throughout, so only lines over the formatter's
   * limit can need its work: the formatter may skip it when no line is (`FormatSession`); for a
   * Markdown page, the same holds block by block for its code blocks. Set only for files whose
   * every construct a test checks against the formatter.
   */
  readonly styled?: boolean;
}

/** What a target's view makes of one IR. */
export interface TargetView {
  /** Context of every fixed template (files whose output path is the template path minus `.hbs`). */
  readonly root: Record<string, unknown>;
  /**
   * Per-item files (one per tag, per model …): template under `items/`, output path chosen by the
   * view. Iterated once, by the render stage, which formats each file as it comes: a view may
   * build them lazily.
   */
  readonly items: Iterable<ViewFile>;
  /** Runtime files (paths relative to `runtime/`, or folder prefixes) this SDK does not ship. */
  readonly excludeRuntime: readonly string[];
  /** Fixed templates this SDK does not get (e.g. `src/node.ts.hbs` without client credentials). */
  readonly skipTemplates: readonly string[];
  /** Fixed templates whose output the view printed in the formatter's style (see `ViewFile.styled`). */
  readonly styledTemplates?: readonly string[];
  /**
   * Folder names of fixed templates that stand for a name only the view knows (`__package__` →
   * the Python import package): the first path segment is replaced when it is a key here.
   */
  readonly folders?: Readonly<Record<string, string>>;
}

/** Everything a view works from. */
export interface ViewInput {
  readonly ir: Ir;
  /** The target's identifiers for the IR's names. */
  readonly names: Names;
  readonly config: TargetConfig;
  /** The package version: configured, else the spec's `info.version`. */
  readonly packageVersion: string;
}

export interface Target {
  readonly id: string;
  /** For messages (`TypeScript`, `Python`). */
  readonly label: string;
  /** The built-in template folder (absolute). */
  templateDir(): string;
  /**
   * Runtime sources: files under `runtime/` of the template folder with this extension are copied
   * verbatim (minus the view's exclusions) into `outputDir`, a path relative to the output folder.
   */
  readonly runtime: { readonly extension: string; outputDir(config: TargetConfig): string };
  /** Defaults of this target's settings. */
  readonly defaults: { readonly output: string; readonly naming: NamingConfig };
  /** Why `name` is not a package name in this ecosystem (`undefined`: it is one). */
  checkPackageName(name: string): string | undefined;
  /** Why `name` cannot be the client class's name (`undefined`: it can). */
  checkClassName(name: string): string | undefined;
  /** A package name derived from the spec's file name (`pet-store.v2.yaml` → `pet-store.v2`). */
  packageNameFromFile(fileName: string): string;
  namingPolicy(config: TargetConfig): NamingPolicy;
  view(input: ViewInput): TargetView;
  /**
   * Starts formatting one output with the target's formatter (ruff for Python), so output is
   * formatted whatever the templates print; runtime files are copied as committed. Absent: the
   * view prints formatted code itself (TypeScript, laid out for Prettier by `view/layout.ts`).
   * `outputDir` (absolute) names the output the files are for, so a formatter can keep what it
   * formatted for that output's next run.
   */
  formatter?(outputDir: string): Promise<FormatSession>;
}

/**
 * A target's formatter over one output: files are added as the render stage prints them, so
 * formatting (on worker threads) can run while the rest is still being rendered.
 */
export interface FormatSession {
  add(file: GeneratedFile): void;
  /** Every added file, formatted, in the order added. */
  finish(): Promise<GeneratedFile[]>;
  /** Stops formatting (rendering failed): nothing is left running. */
  abort(): void;
}
