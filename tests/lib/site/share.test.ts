import { describe, expect, it } from 'vitest';
import { shareLinks } from '../../../src/lib/site/share.ts';

describe('share links', () => {
  it("fill each service's compose address with the encoded URL and title", () => {
    const url = 'https://ai-frontier.example.com/articles/a-b/';
    const links = Object.fromEntries(shareLinks(url, 'Chips & "clouds"').map((l) => [l.service, new URL(l.href)]));
    expect(Object.keys(links)).toEqual(['email', 'x', 'linkedin', 'bluesky']);
    expect(links.email!.protocol).toBe('mailto:');
    expect(links.email!.searchParams.get('subject')).toBe('Chips & "clouds"');
    expect(links.email!.searchParams.get('body')).toBe(url);
    expect(links.x!.origin).toBe('https://x.com');
    expect(links.x!.searchParams.get('url')).toBe(url);
    expect(links.x!.searchParams.get('text')).toBe('Chips & "clouds"');
    expect(links.linkedin!.searchParams.get('url')).toBe(url);
    expect(links.bluesky!.origin).toBe('https://bsky.app');
    expect(links.bluesky!.searchParams.get('text')).toBe(`Chips & "clouds" ${url}`);
  });
});
