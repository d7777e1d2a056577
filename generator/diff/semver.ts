/** Version arithmetic for `diff`'s suggested bump. */
import type { ApiChange, Impact } from './types';

const ORDER: readonly Impact[] = ['patch', 'minor', 'major'];

/** The largest impact among `changes` (`patch` when there are none). */
export function bumpOf(changes: readonly ApiChange[]): Impact {
  return changes.reduce<Impact>((max, c) => (ORDER.indexOf(c.impact) > ORDER.indexOf(max) ? c.impact : max), 'patch');
}

/** Rank for sorting, major first. */
export function impactRank(impact: Impact): number {
  return ORDER.length - 1 - ORDER.indexOf(impact);
}

/**
 * `version` bumped by `impact` (`1.4.2` + minor → `1.5.0`); a pre-release or build suffix is
 * dropped. A version that is not `x.y.z` is returned unchanged: no guess beats a wrong one.
 */
export function applyBump(version: string, impact: Impact): string {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) return version;
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (impact === 'major') return `${major + 1}.0.0`;
  if (impact === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}
