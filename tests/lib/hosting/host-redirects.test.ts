import { describe, expect, it } from 'vitest';
import {
  hostRedirectsFile,
  parseRedirectsFile,
  REDIRECTS,
  redirectFor,
} from '../../../src/lib/hosting/host-redirects.ts';

describe('the _redirects file', () => {
  it('reads back as the rules it was written from', () => {
    expect(parseRedirectsFile(hostRedirectsFile())).toEqual(REDIRECTS);
  });

  it('sends a tag’s old Atom and JSON Feed addresses to its RSS feed, the tag kept', () => {
    const rules = parseRedirectsFile(hostRedirectsFile());
    expect(redirectFor(rules, '/tags/dou-bao/atom.xml')).toEqual({ location: '/tags/dou-bao/rss.xml', status: 301 });
    expect(redirectFor(rules, '/tags/capex/feed.json')).toEqual({ location: '/tags/capex/rss.xml', status: 301 });
  });

  it('matches a placeholder to exactly one non-empty segment, and nothing else', () => {
    const rules = parseRedirectsFile(hostRedirectsFile());
    for (const path of ['/tags/atom.xml', '/tags//atom.xml', '/tags/a/b/atom.xml', '/atom.xml', '/tags/capex/rss.xml'])
      expect([path, redirectFor(rules, path)]).toEqual([path, undefined]);
  });

  it('takes the first matching rule, and 301 when a line names no status', () => {
    const rules = parseRedirectsFile('# moved\n\n/a/:x /b/:x\n/a/:y /c/:y 302\n');
    expect(rules).toEqual([
      { from: '/a/:x', to: '/b/:x', status: 301 },
      { from: '/a/:y', to: '/c/:y', status: 302 },
    ]);
    expect(redirectFor(rules, '/a/1')).toEqual({ location: '/b/1', status: 301 });
  });
});

describe('under a base path', () => {
  it('writes every rule under the path the site is served at, and the rules still apply there', () => {
    const text = hostRedirectsFile(undefined, '/repo/');
    expect(text).toContain('/repo/tags/:tag/atom.xml /repo/tags/:tag/rss.xml 301');
    expect(redirectFor(parseRedirectsFile(text), '/repo/tags/capex/feed.json')).toEqual({
      location: '/repo/tags/capex/rss.xml',
      status: 301,
    });
    expect(redirectFor(parseRedirectsFile(text), '/tags/capex/feed.json')).toBeUndefined();
  });
});
