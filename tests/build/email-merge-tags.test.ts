/**
 * Merge-tag syntax typed into every content field of an article, and arriving
 * in a figure label from a remote sheet, built into a newsletter edition: no
 * service's template engine finds anything but the footer's own tags, in the
 * HTML part or the text part. The edition's body is the same for every preset
 * (only the footer differs; tests/lib/email/edition-merge-tags.test.ts renders
 * each preset's footer), so one build is read with each service's syntax.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testSite } from '../sites/sites.ts';
import { NEWSLETTER_SERVICES } from '../../src/lib/email/presets.ts';
import { footerTags, tagsEvaluated } from '../helpers/service-templates.ts';

// The editions test site holds the article and the figures file (tests/sites/merge-tags.ts), built with the generic
// service's footer while the sheet was served, the article's edition kept.
const dir = testSite('editions').project;

describe('third-party loads from content', () => {
  it.each(['dist/rss.xml', 'dist/atom.xml', 'dist/feed.json', 'dist/newsletter/merge-tags.html'])(
    '%s: no author style and no remote image, the image kept as a link',
    (file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text).toContain('Styled by the author.');
      expect(text).not.toMatch(/position:fixed|url\(https:\/\/tracker/);
      expect(text).not.toMatch(/src=\\?"https:\/\/tracker\.example/);
      expect(text).toMatch(/href=\\?"https:\/\/tracker\.example\/pixel\.gif\\?"[^>]*>Image: A pixel/);
    },
  );
});

describe('merge tags from content and a remote figure', () => {
  const part = (ext: string) => readFileSync(join(dir, `dist/newsletter/merge-tags.${ext}`), 'utf8');

  it.each(['html', 'txt'])('the %s part shows them as text', (ext) => {
    const text = part(ext).replaceAll('\u2060', '');
    for (const shown of ['Title {{ unsubscribe_url }}', 'Sheet {% for x in y %}', 'Local label {{', '*|UNSUB|*'])
      expect(text).toContain(shown);
  });

  for (const service of NEWSLETTER_SERVICES) {
    it.each(['html', 'txt'])(`${service}'s template engine finds only the footer's tags in the %s part`, (ext) => {
      const own = new Set(footerTags('generic'));
      expect(tagsEvaluated(service, part(ext)).filter((t) => !own.has(t))).toEqual([]);
    });
  }
});
