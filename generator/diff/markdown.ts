/** `sdkgen diff` as a CHANGELOG section in Markdown. */
import { markdownCode, markdownInline } from '../render/escape';
import { describeChange } from './describe';
import type { ApiDiff, Impact } from './types';

const SECTIONS: readonly { readonly impact: Impact; readonly title: string }[] = [
  { impact: 'major', title: 'Breaking changes' },
  { impact: 'minor', title: 'Added' },
  { impact: 'patch', title: 'Other changes' },
];

/**
 * The diff as Markdown: a heading with the suggested version, the bump and why, then one list per
 * impact. `specNames` are the spec paths as the user wrote them (absolute paths would leak the
 * machine's layout into a changelog).
 */
export function diffMarkdown(diff: ApiDiff, specNames: { readonly from: string; readonly to: string }): string {
  const lines = [
    `## ${markdownInline(diff.to.packageName)} ${markdownInline(diff.suggestedVersion)}`,
    '',
    `Suggested version bump: **${diff.bump}** (${markdownInline(diff.from.version)} → ${markdownInline(diff.suggestedVersion)}), ` +
      `comparing ${markdownCode(specNames.from)} with ${markdownCode(specNames.to)}.`,
  ];
  if (diff.changes.length === 0) {
    lines.push('', 'No changes to the SDK surface (operations, parameters, models, enums).');
  }
  for (const { impact, title } of SECTIONS) {
    const changes = diff.changes.filter((c) => c.impact === impact);
    if (changes.length === 0) continue;
    lines.push('', `### ${title}`, '', ...changes.map((c) => `- ${describeChange(c, markdownCode)}`));
  }
  return `${lines.join('\n')}\n`;
}
