import { describe, expect, it } from 'vitest';
import { browserUrl, urlProblem, type UrlUse } from '../../src/lib/url-policy.ts';

const verdict = (url: string, use: UrlUse) => urlProblem(url, use)?.severity ?? 'ok';

describe('the URL policy', () => {
  it.each<[string, UrlUse]>([
    ['https://example.org/piece', 'link'],
    ['https://example.org/piece', 'source'],
    ['https://example.org/x.png', 'image'],
    ['https://example.org/data.csv', 'remote'],
    ['/articles/some-title/', 'link'],
    ['/images/fab.jpg', 'image'],
    ['#section', 'link'],
    ['mailto:desk@example.org', 'link'],
    ['mailto:desk@example.org?subject=Hi', 'link'],
    ['http://127.0.0.1:4010/sheet.csv', 'remote'],
  ])('allows %s as a %s', (url, use) => {
    expect(urlProblem(url, use)).toBeUndefined();
  });

  it.each<[string, UrlUse]>([
    ['http://example.org/piece', 'link'],
    ['http://example.org/piece', 'source'],
    ['http://example.org/x.png', 'image'],
  ])('warns about plain http: %s as a %s', (url, use) => {
    const p = urlProblem(url, use)!;
    expect(p.severity).toBe('warning');
    expect(p.fix).toBe(`Use ${url.replace('http:', 'https:')} if the site serves it.`);
  });

  it.each<[string, RegExp]>([
    ['javascript:alert(1)', /is a javascript: address, which runs code/],
    ['JaVaScRiPt:alert(1)', /is a javascript: address/],
    [' \u0001javascript:alert(1)', /is a javascript: address/],
    ['java\tscript:alert(1)', /is a javascript: address/],
    ['java\nscript:alert(1)', /is a javascript: address/],
    ['vbscript:msgbox(1)', /is a vbscript: address, which runs code/],
    ['data:text/html,<script>alert(1)</script>', /is a data: address, which carries content of its own/],
    ['file:///etc/passwd', /is a file: address/],
    ['blob:https://example.org/x', /is a blob: address/],
    ['ftp://example.org/x', /uses the ftp: scheme/],
    ['//evil.example/x', /starts with two slashes, so it leads to another site \(evil\.example\/x\)/],
    ['/\\evil.example/x', /starts with two slashes/],
    ['\\\\evil.example/x', /starts with two slashes/],
    ['other/page/', /is a relative path/],
    ['https://user:pass@evil.example/', /carries a user name or password/],
    ['https://localhost/', /has no site name/],
    ['mailto:nobody', /is not an email address link/],
    ['', /The address is empty/],
  ])('refuses %j in a link', (url, message) => {
    const p = urlProblem(url, 'link')!;
    expect(p.severity).toBe('error');
    expect(p.message).toMatch(message);
    expect(p.fix.length).toBeGreaterThan(20);
  });

  it('asks for more than a link where the use needs it', () => {
    expect(verdict('mailto:desk@example.org', 'image')).toBe('error');
    expect(verdict('mailto:desk@example.org', 'source')).toBe('error');
    expect(verdict('#top', 'image')).toBe('error');
    expect(verdict('/figures/', 'source')).toBe('error');
    expect(urlProblem('/figures/', 'source')!.message).toBe('"/figures/" is not a web address.');
    // A remote sheet is fetched by the build: plain http only to this computer.
    expect(verdict('http://example.org/data.csv', 'remote')).toBe('error');
    expect(urlProblem('http://example.org/data.csv', 'remote')!.fix).toContain('https://example.org/data.csv');
  });

  it('reads an address as a browser does', () => {
    expect(browserUrl(' \tjava\nscript:x \u0000')).toBe('javascript:x');
    expect(browserUrl('https://example.org/a b')).toBe('https://example.org/a b');
  });
});
