/** The configuration every stage after loading works from: file values, flags and defaults merged. */

/** Naming options: how identifiers are derived from the spec (used by each target's naming policy). */
export interface NamingConfig {
  /** Suffix of per-tag API classes (`Charging` + `Api` → `ChargingApi`). */
  readonly apiClassSuffix: string;
  /** Suffix of generated per-status error classes when the schema name does not already end in it. */
  readonly errorClassSuffix: string;
}

import type { TargetId } from '../targets';

export type { TargetId };

/** One SDK to generate: a target and its settings. */
export interface TargetConfig {
  readonly target: TargetId;
  /** Absolute path of the output folder. */
  readonly output: string;
  /** Package name of the generated SDK (npm name; for Python the distribution name). */
  readonly packageName: string;
  /** Package version; when the user gave none, the spec's `info.version` (falls back to `0.0.0`). */
  readonly packageVersion: string | undefined;
  /** URL of the source repository (`package.repository`), validated; absent: not published. */
  readonly repository?: string | undefined;
  /** URL of the package's home page (`package.homepage`), validated. */
  readonly homepage?: string | undefined;
  /** Class name of the generated client (e.g. `ShellevClient`); derived from the title when unset. */
  readonly clientName: string | undefined;
  /** Absolute path of a folder whose templates overlay the target's built-in ones, by relative path. */
  readonly templates: string | undefined;
  readonly naming: NamingConfig;
}

export interface ResolvedConfig {
  /** Absolute path of the root spec document. */
  readonly input: string;
  /** Fetch `http(s)://` `$ref`s (off by default: a spec is untrusted input). */
  readonly allowRemoteRefs: boolean;
  /** Local `$ref`s may not read outside this folder (absolute path). */
  readonly refRoot: string;
  /**
   * Stop on problems sdkgen can work around (dangling `$ref`s, values the OpenAPI schema rejects
   * but whose meaning is clear); without it they are warnings. See `Problem.workaround`.
   */
  readonly strict: boolean;
  /** The SDKs to generate from the one IR, in order (at least one). */
  readonly targets: readonly TargetConfig[];
}

/** The TypeScript target's naming defaults (kept for callers that build a config by hand). */
export const DEFAULT_NAMING: NamingConfig = {
  apiClassSuffix: 'Api',
  errorClassSuffix: 'Exception',
};
