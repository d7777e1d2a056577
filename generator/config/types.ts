/** The configuration every stage after loading works from: file values, flags and defaults merged. */

/** Naming options: how identifiers are derived from the spec (used by `generator/naming`). */
export interface NamingConfig {
  /** Suffix of per-tag API classes (`Charging` + `Api` → `ChargingApi`). */
  readonly apiClassSuffix: string;
  /** Suffix of generated per-status error classes when the schema name does not already end in it. */
  readonly errorClassSuffix: string;
}

export interface ResolvedConfig {
  /** Absolute path of the root spec document. */
  readonly input: string;
  /** Absolute path of the output folder. */
  readonly output: string;
  /** npm package name of the generated SDK (e.g. `shellev`). */
  readonly packageName: string;
  /** Package version; when the user gave none, the spec's `info.version` (falls back to `0.0.0`). */
  readonly packageVersion: string | undefined;
  /** Class name of the generated client (e.g. `ShellevClient`); derived from the title when unset. */
  readonly clientName: string | undefined;
  /** Absolute path of a folder whose templates overlay the built-in ones, by relative path. */
  readonly templates: string | undefined;
  /** Fetch `http(s)://` `$ref`s (off by default: a spec is untrusted input). */
  readonly allowRemoteRefs: boolean;
  /** Local `$ref`s may not read outside this folder (absolute path). */
  readonly refRoot: string;
  readonly naming: NamingConfig;
}

export const DEFAULT_NAMING: NamingConfig = {
  apiClassSuffix: 'Api',
  errorClassSuffix: 'Exception',
};
