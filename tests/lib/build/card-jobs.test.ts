import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { renderSocialCard, socialCardHash } from '../../../src/lib/social/og-image.ts';
import { startSocialCard } from '../../../src/lib/build/card-jobs.ts';
import { cardCacheFile } from '../../../src/lib/social/card-files.ts';

describe('social card jobs', () => {
  it('draws a 1200×630 PNG even for a very long or hostile title, and caches it', async () => {
    const card = {
      kicker: 'AI Frontier · Issue 9',
      title: '</script><script>alert(1)</script> '.repeat(12),
      figure: '¥200 bn',
      figureLabel: 'A label',
      footer: 'x',
    };
    const png = await renderSocialCard(card);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    const dir = mkdtempSync(join(tmpdir(), 'aif-og-'));
    await startSocialCard(card, dir).done;
    const file = cardCacheFile(socialCardHash(card), dir);
    const first = readFileSync(file);
    expect(first.equals(png)).toBe(true);
    // Named again (its page and the feeds all name it): nothing is drawn or written again.
    const mtime = statSync(file).mtimeMs;
    await startSocialCard(card, dir).done;
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(readdirSync(dir).sort()).toEqual(['.digests', basename(file)]);
  });
});
