import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  companyOf,
  overdue,
  parseResolutions,
  RESOLUTIONS_FILE,
  readTrackTag,
  trackedRowsIn,
} from '../../../src/lib/outcomes/tracking.ts';
import { readResolutions } from '../../../src/lib/inputs/resolutions.ts';

describe('tracked outcomes', () => {
  it('reads the track tag off a scenario', () => {
    expect(readTrackTag('Platform victory (track: bytedance.platform-victory, due 2028-12-31)')).toEqual({
      text: 'Platform victory',
      id: 'bytedance.platform-victory',
      due: '2028-12-31',
    });
    expect(readTrackTag('Platform victory')).toEqual({ text: 'Platform victory' });
  });

  it('finds tracked rows with their lines, ignoring untracked and unmarked rows', () => {
    const src =
      'Intro\n\n| Outcome | Result |\n|---|---|\n| ✅ Win (track: acme.win, due 2027-01-01) | a |\n| ⚠️ Draw | b |\n| Plain (track: acme.x, due 2027-01-01) | c |\n';
    const rows = trackedRowsIn(src, 'a.mdx', 'a', 10);
    expect(rows.map((r) => [r.id, r.status, r.scenario, r.line, companyOf(r)])).toEqual([
      ['acme.win', 'good', 'Win', 14, 'acme'],
    ]);
  });

  it('reads resolutions and reports malformed ones with their line', () => {
    const { resolutions, errors } = parseResolutions(
      'r.yaml',
      '- id: acme.win\n  status: held\n  date: "2027-02-01"\n  note: It held.\n- id: acme.lose\n  status: maybe\n  date: "2027-02-01"\n',
    );
    expect(resolutions.get('acme.win')).toEqual({ status: 'held', date: '2027-02-01', note: 'It held.' });
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^r\.yaml:6 \(resolution 2\.status\): Expected held, partly or missed, received "maybe"\./),
    ]);
  });

  it('reads the resolutions file once while it is unchanged, and afresh after an edit', () => {
    const root = mkdtempSync(join(tmpdir(), 'aif-resolutions-'));
    expect(readResolutions(root).resolutions.size).toBe(0);
    const file = join(root, RESOLUTIONS_FILE);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '- { id: bytedance.ships, status: held, date: 2027-01-31 }\n');
    const first = readResolutions(root);
    expect(first.resolutions.get('bytedance.ships')?.status).toBe('held');
    expect(readResolutions(root)).toBe(first);
    writeFileSync(file, '- { id: bytedance.ships, status: missed, date: 2027-01-31 }\n');
    expect(readResolutions(root).resolutions.get('bytedance.ships')?.status).toBe('missed');
  });

  it('lists outcomes past due without a resolution', () => {
    const base = { status: 'good' as const, scenario: 's', cells: [], file: 'f', line: 1, slug: 's' };
    const list = [
      { ...base, id: 'a.due', due: '2026-01-01' },
      {
        ...base,
        id: 'a.done',
        due: '2026-01-01',
        resolution: { status: 'held' as const, date: '2026-02-01', note: '' },
      },
      { ...base, id: 'a.later', due: '2027-01-01' },
    ];
    expect(overdue(list, new Date('2026-06-01')).map((o) => o.id)).toEqual(['a.due']);
  });
});
