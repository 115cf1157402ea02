import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDist, runScript, testDist } from '../helpers/project.ts';
import { publishedSourceArticles } from '../helpers/site-articles.ts';
import { readTrackTag } from '../../src/lib/outcomes/tracking.ts';
import { coloursWithoutDarkPalette, WIDE_CSS } from '../../src/lib/email/email-html.ts';
import { GMAIL_CLIP_BYTES } from '../../src/lib/email/size-guard.ts';
import { parseStyle } from '../../src/lib/html/style.ts';
import { siteUrl } from '../helpers/dist-files.ts';
import { parseFeed } from '@rowanmanning/feed-parser';

const articles = publishedSourceArticles(new Date('2026-11-24T12:00:00Z'));

describe('newsletter editions', () => {
  it.each(articles.map((a) => [a.slug, a] as const))('%s: email HTML holds in mail clients', (slug, a) => {
    const html = readDist(`newsletter/${slug}.html`);
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<link\b[^>]*stylesheet/i);
    // The one <style> block only swaps in the dark palette and wider sides from 600 px; the edition reads the same without it.
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles).toHaveLength(1);
    expect(
      styles[0]!
        .replace(WIDE_CSS, '')
        .replace(/:root\{[^}]*\}/, '')
        .replace(
          /@media \(prefers-color-scheme:dark\)\{(\s*\[data-(fg|bg)="[0-9a-f]{6}"\]\{[a-z-]+:#[0-9a-f]{6}!important\})+\s*\}/,
          '',
        )
        .trim(),
    ).toBe('');
    expect(html).not.toMatch(/\sclass="/);
    expect(html).toContain(`Issue ${a.front.issue}`);
    expect(html).toContain('AI Frontier');
    expect(html).toContain(`${siteUrl()}/articles/${slug}/`);
    for (const m of html.matchAll(/\swidth="(\d+)"/g)) expect(Number(m[1])).toBeLessThanOrEqual(600);
    for (const m of html.matchAll(/max-width:\s*(\d+)px/g)) expect(Number(m[1])).toBeLessThanOrEqual(600);
    for (const m of html.matchAll(/<img\b[^>]*\ssrc="([^"]+)"/g)) {
      expect(m[1]).toMatch(/^https:\/\/ai-frontier\.example\.com\//);
      expect(existsSync(join(testDist, new URL(m[1]!).pathname))).toBe(true);
    }
    for (const m of html.matchAll(/<img\b([^>]*)>/g)) {
      expect(Number(/\swidth="(\d+)"/.exec(m[1]!)?.[1]), 'image width attribute').toBeLessThanOrEqual(600);
      expect(Number(/\sheight="(\d+)"/.exec(m[1]!)?.[1]), 'image height attribute').toBeGreaterThan(0);
      expect(/\salt="([^"]{12,})"/.test(m[1]!), 'image alt describes it').toBe(true);
    }
    // Gmail clips larger messages behind "View entire message".
    expect(Buffer.byteLength(html)).toBeLessThan(GMAIL_CLIP_BYTES);
    // Preheader first in the body; Outlook gets a centred fixed-width table.
    expect(html).toMatch(/<body[^>]*>\n<!--\[if !mso\]><!--><div style="display:none;[^"]*">[^<]{20,}/);
    expect(html).toContain('<!--[if mso]><table role="presentation" align="center" width="600"');
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(coloursWithoutDarkPalette(html)).toEqual([]);
    // No element repeats a property in its inline style.
    for (const m of html.matchAll(/\sstyle="([^"]*)"/g)) {
      const props = parseStyle(m[1]).map(([p]) => p);
      expect(new Set(props).size, m[1]).toBe(props.length);
    }
    // The default (generic) preset leaves named placeholders and says why the reader got this.
    for (const tag of ['{{unsubscribe_url}}', '{{preferences_url}}', '{{web_version_url}}', '{{postal_address}}'])
      expect(html).toContain(tag);
    expect(html).toContain('You are receiving this because you subscribed to AI Frontier');
    // Every element that shows text carries its own style (Outlook's conditional wrapper aside).
    const shown = html.replace(/<!--\[if mso\]>[\s\S]*?<!\[endif\]-->/g, '');
    for (const tag of ['p', 'h2', 'td', 'th', 'table']) {
      for (const m of shown.matchAll(new RegExp(`<${tag}(\\s[^>]*)?>`, 'g')))
        expect(m[1] ?? '', `<${tag}> has a style`).toContain('style=');
    }
  });

  it.each(articles.map((a) => [a.slug, a] as const))(
    '%s: page, feed item and both email parts list the same sources, linked',
    (slug) => {
      const page = readDist(`articles/${slug}/index.html`);
      const section = /<section class="figure-sources"[\s\S]*?<\/section>/.exec(page)![0];
      const urls = [...section.matchAll(/<a href="(https?:[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
      expect(urls.length).toBeGreaterThan(0);
      const rss = parseFeed(readDist('rss.xml')).items.find((i) => i.url?.endsWith(`/articles/${slug}/`))!.content!;
      const html = readDist(`newsletter/${slug}.html`);
      const text = readDist(`newsletter/${slug}.txt`);
      const sources = (h: string) => h.slice(h.lastIndexOf('>Sources</h2>'));
      for (const url of urls) {
        expect(sources(rss), `${url} in the feed item's Sources`).toContain(`href="${url.replace(/&/g, '&amp;')}"`);
        expect(sources(html), `${url} in the email's Sources`).toContain(`href="${url.replace(/&/g, '&amp;')}"`);
        expect(text, `${url} in the text part`).toContain(url);
      }
    },
  );

  it.each(articles.map((a) => [a.slug, a] as const))(
    '%s: carries what a subscriber expects: subject, byline, reading time, subscribe link, more issues, Outlook settings',
    (slug, a) => {
      const html = readDist(`newsletter/${slug}.html`);
      const subject = /<title>([^<]*)<\/title>/.exec(html)![1]!;
      expect([...subject.replace(/&#39;/g, "'")].length).toBeLessThanOrEqual(55);
      expect(html).toMatch(/ · By .*AI Frontier desk.* · \d+ min read · /);
      expect(html).toContain(`href="${siteUrl()}/subscribe/"`);
      expect(html).toContain('Forwarded this?');
      const others = articles.filter((o) => o.slug !== slug && o.front.published <= a.front.published);
      for (const o of others) expect(html).toContain(`href="${siteUrl()}/articles/${o.slug}/"`);
      if (others.length > 0) expect(html).toContain('More from AI Frontier');
      expect(html).toContain('<o:PixelsPerInch>96</o:PixelsPerInch>');
      expect(html).not.toMatch(/<(figure|figcaption|section)\b/);
      expect(html).not.toMatch(/overflow-wrap:anywhere|word-break:break-all/);
    },
  );

  it.each(articles.map((a) => [a.slug, a] as const))(
    '%s: the plain-text part carries the outcome table rows',
    (slug, a) => {
      const text = readDist(`newsletter/${slug}.txt`);
      const rows = [...a.body.matchAll(/^\|\s*(✅|⚠️|❌)\s*([^|]+?)\s*\|/gmu)];
      expect(rows.length).toBeGreaterThan(0);
      for (const [, marker, cell] of rows) {
        const scenario = readTrackTag(cell!).text;
        const line = text.split('\n').find((l) => l.includes(scenario));
        expect(line, `row "${scenario}" in plain text`).toBeDefined();
        expect(line).toContain(marker!);
      }
      expect(text, 'no HTML tags').not.toMatch(/<(?!https?:|mailto:)[a-z]/i);
      expect(text, 'links are references, not inline URLs').not.toMatch(/<https?:/);
      expect(text).toContain(`${siteUrl()}/articles/${slug}/`);
      expect(text).not.toContain('■');
      // Every reference in the body has its line in the list, and every listed link is used.
      const [body, signature] = text.split('\n-- \n');
      expect(signature, 'a "-- " signature separator').toBeDefined();
      expect(signature).toContain('Unsubscribe: {{unsubscribe_url}}');
      const listed = [...body!.matchAll(/^\[(\d+)\] https?:\/\/\S+$/gm)].map((m) => Number(m[1]));
      expect(listed).toEqual(listed.map((_, i) => i + 1));
      const cited = new Set([...body!.split('\nLinks\n')[0]!.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
      expect([...cited].sort((x, y) => x - y)).toEqual(listed);
    },
  );

  it('npm run email copies one edition, or all of them', () => {
    const out = mkdtempSync(join(tmpdir(), 'aif-email-'));
    const one = runScript('scripts/email.ts', [articles[0]!.file, '--no-build', '--dist', testDist, '--out', out]);
    expect(one.status, one.stderr).toBe(0);
    expect(readFileSync(join(out, `${articles[0]!.slug}.html`), 'utf8')).toBe(
      readDist(`newsletter/${articles[0]!.slug}.html`),
    );
    const all = runScript('scripts/email.ts', ['--all', '--no-build', '--dist', testDist, '--out', out]);
    expect(all.status).toBe(0);
    for (const a of articles) expect(existsSync(join(out, `${a.slug}.txt`))).toBe(true);
    const missing = runScript('scripts/email.ts', ['no-such-article', '--no-build', '--dist', testDist, '--out', out]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('No published article "no-such-article"');
  });
});
