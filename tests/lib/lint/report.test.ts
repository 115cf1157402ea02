import { describe, expect, it } from 'vitest';
import { splitByBaseline, warningSignature } from '../../../src/lib/lint/report.ts';

const w = (rule: string, message: string) => ({ rule, message });

describe('registry warnings: from your change, or already there', () => {
  it('knows a warning by its text without the line it sits on', () => {
    expect(
      warningSignature(w('figure-discrepancy', 'content/figures/t.yaml:23 (a.b): the source states 253× but …')),
    ).toBe('(a.b): the source states 253× but …');
    expect(warningSignature(w('stale-figure', 'Figure "a.b" was due for review on 2026-03-31; shown in x.mdx.'))).toBe(
      'Figure "a.b" was due for review',
    );
    expect(
      warningSignature(
        w('source-home-page', 'Source "s" links to https://x.org/, a home page, not the piece it cites.'),
      ),
    ).toBe('Source "s" links to https://x.org/, a home page, not the piece it cites.');
  });

  it('splits against a baseline: a list of signatures, or the saved output of npm run figures', () => {
    const warnings = [
      w('source-home-page', 'Source "old" links to https://old.org/, a home page, not the piece it cites.'),
      w('source-home-page', 'Source "new" links to https://new.org/, a home page, not the piece it cites.'),
      w('stale-figure', 'Figure "a.b" was due for review on 2026-03-31.'),
    ];
    const savedOutput = [
      '✓ Figures: 30 figures (7 derived), 2 series, 12 sources, 0 remote',
      '⚠ content/figures/sources.yaml:10: Source "old" links to https://old.org/, a home page, not the piece it cites.',
      '⚠ content/figures/t.yaml:4: Figure "a.b" was due for review on 2025-12-31.',
    ].join('\n');
    const { fresh, known } = splitByBaseline(warnings, savedOutput);
    expect(fresh.map((x) => x.message)).toEqual([warnings[1]!.message]);
    expect(known).toHaveLength(2);
  });
});
