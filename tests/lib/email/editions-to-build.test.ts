import { describe, expect, it } from 'vitest';
import { editionsToBuild } from '../../../src/lib/email/editions-to-build.ts';

const archive = Array.from({ length: 50 }, (_, i) => ({ id: `issue-${50 - i}` }));
const ids = (list: Array<{ id: string }>) => list.map((a) => a.id);

describe('newsletter editions a build writes', () => {
  it('writes the newest issues only, however long the archive', () => {
    expect(ids(editionsToBuild(archive, 20, undefined))).toEqual(ids(archive.slice(0, 20)));
    expect(editionsToBuild(archive, 20, '')).toHaveLength(20);
  });

  it('adds older issues asked for by slug, and every issue for "all"', () => {
    expect(ids(editionsToBuild(archive, 2, 'issue-3, issue-49,no-such-issue'))).toEqual([
      'issue-50',
      'issue-49',
      'issue-3',
    ]);
    expect(editionsToBuild(archive, 2, 'all')).toHaveLength(50);
  });
});
