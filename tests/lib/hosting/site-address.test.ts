import { afterEach, describe, expect, it } from 'vitest';
import {
  isPlaceholderHost,
  placeholderAllowed,
  publishingProblem,
  siteAddress,
  siteAddressProblem,
} from '../../../src/lib/hosting/site-address.ts';
import { contactProblem } from '../../../src/lib/site/contact.ts';
import { siteAddressGuard } from '../../../src/integrations/site-address/index.ts';

describe('siteAddress', () => {
  it('takes SITE_URL over the configured address, ignoring a blank one', () => {
    expect(siteAddress({ SITE_URL: 'https://frontier-column.org' }, 'https://ai-frontier.example.com')).toBe(
      'https://frontier-column.org',
    );
    expect(siteAddress({ SITE_URL: '  ' }, 'https://configured.org')).toBe('https://configured.org');
    expect(siteAddress({}, 'https://configured.org')).toBe('https://configured.org');
  });
});

describe('isPlaceholderHost', () => {
  it('knows the reserved example and test names', () => {
    for (const host of [
      'example.com',
      'ai-frontier.example.com',
      'EXAMPLE.ORG',
      'www.example.net',
      'site.example',
      'x.invalid',
      'news.test',
      'localhost',
      'example.com.',
    ]) {
      expect(isPlaceholderHost(host), host).toBe(true);
    }
  });

  it('accepts real-looking domains, including ones that merely contain "example"', () => {
    for (const host of ['frontier-column.org', 'example.company', 'myexample.com', 'user.github.io', 'testing.dev']) {
      expect(isPlaceholderHost(host), host).toBe(false);
    }
  });
});

describe('placeholderAllowed', () => {
  it('is explicit: only 1, true or yes', () => {
    expect(placeholderAllowed({ ALLOW_PLACEHOLDER_URL: '1' })).toBe(true);
    expect(placeholderAllowed({ ALLOW_PLACEHOLDER_URL: 'TRUE' })).toBe(true);
    expect(placeholderAllowed({ ALLOW_PLACEHOLDER_URL: '' })).toBe(false);
    expect(placeholderAllowed({ ALLOW_PLACEHOLDER_URL: '0' })).toBe(false);
    expect(placeholderAllowed({})).toBe(false);
  });
});

describe('siteAddressProblem', () => {
  it('accepts a real address at the root of a domain, with or without the slash', () => {
    expect(siteAddressProblem('https://frontier-column.org', false)).toBeUndefined();
    expect(siteAddressProblem('https://user.github.io/', false)).toBeUndefined();
  });

  it('refuses the placeholder with the fix and the way to allow it', () => {
    const problem = siteAddressProblem('https://ai-frontier.example.com', false)!;
    expect(problem.split('\n')[0]).toBe(
      'The site address is https://ai-frontier.example.com, a placeholder: feeds, email editions, canonical links and social cards would all point at a site that does not exist.',
    );
    expect(problem).toContain('SITE_URL=https://<your domain> npm run build');
    expect(problem).toContain('src/site.config.ts');
    expect(problem).toContain('npm run build -- --allow-placeholder-url');
  });

  it('lets the placeholder through only when allowed', () => {
    expect(siteAddressProblem('https://ai-frontier.example.com', true)).toBeUndefined();
    expect(siteAddressProblem('http://localhost:4321', true)).toBeUndefined();
  });

  it('always refuses an address the site cannot be served from, even when the placeholder is allowed', () => {
    expect(siteAddressProblem('frontier-column.org', true)).toMatch(
      /^The site address "frontier-column.org" is not a URL\./,
    );
    expect(siteAddressProblem('ftp://frontier-column.org', true)).toMatch(/must start with https:\/\//);
    expect(siteAddressProblem('https://frontier-column.org/?ref=1', true)).toMatch(
      /has a query, a fragment or credentials/,
    );
    expect(siteAddressProblem('https://user:pw@frontier-column.org/', true)).toMatch(/credentials/);
    expect(siteAddressProblem('https://frontier-column.org/a%20b/', true)).toMatch(
      /characters a base path cannot hold/,
    );
  });

  it('accepts an address with a path, as a GitHub Pages project site has', () => {
    for (const ok of [
      'https://user.github.io/ai-frontier/',
      'https://user.github.io/ai-frontier',
      'https://frontier-column.org/column/2026/',
    ])
      expect(siteAddressProblem(ok, false), ok).toBeUndefined();
  });
});

describe('publishingProblem', () => {
  const real = 'https://frontier-column.org/';
  it('passes a real address with an email, a form or no contact', () => {
    for (const contact of ['letters@frontier-column.org', 'https://frontier-column.org/contact/', '', '  '])
      expect(publishingProblem({ url: real, contact }, false), contact).toBeUndefined();
  });

  it('names the contact readers cannot use (file, field, fix) before the address', () => {
    const problem = publishingProblem(
      { url: 'https://ai-frontier.example.com', contact: 'letters at example.org' },
      false,
    );
    expect(problem).toMatch(
      /^src\/site\.config\.ts \(contact\): "letters at example\.org" is neither an email address/,
    );
    expect(problem).toContain('Fix: ');
    expect(contactProblem('letters at example.org')).toBe(problem);
    expect(contactProblem('letters@frontier-column.org')).toBeUndefined();
  });

  it('then the address, as siteAddressProblem words it, the placeholder only when not allowed', () => {
    const placeholder = { url: 'https://ai-frontier.example.com', contact: '' };
    expect(publishingProblem(placeholder, false)).toBe(siteAddressProblem(placeholder.url, false));
    expect(publishingProblem(placeholder, false)).toContain('a placeholder');
    expect(publishingProblem(placeholder, true)).toBeUndefined();
    expect(publishingProblem({ url: `${real}?ref=1`, contact: '' }, true)).toContain('has a query');
  });
});

describe('siteAddressGuard (astro build run without npm run build)', () => {
  const setup = (site: { url: string; contact: string }, command: string) => {
    const warnings: string[] = [];
    const hook = siteAddressGuard(site).hooks['astro:config:setup'] as unknown as (o: object) => void;
    hook({ command, logger: { warn: (m: string) => warnings.push(m) } });
    return warnings;
  };
  const previous = process.env.ALLOW_PLACEHOLDER_URL;
  afterEach(() => {
    if (previous === undefined) delete process.env.ALLOW_PLACEHOLDER_URL;
    else process.env.ALLOW_PLACEHOLDER_URL = previous;
  });

  it('stops a build with the placeholder address, and lets dev through', () => {
    process.env.ALLOW_PLACEHOLDER_URL = '';
    const placeholder = { url: 'https://ai-frontier.example.com', contact: 'letters@frontier-column.org' };
    expect(() => setup(placeholder, 'build')).toThrow(siteAddressProblem(placeholder.url, false));
    expect(setup(placeholder, 'dev')).toEqual([]);
    process.env.ALLOW_PLACEHOLDER_URL = '1';
    expect(setup(placeholder, 'build')).toEqual([]);
  });

  it('stops every command on a contact readers cannot use, and warns a build with none', () => {
    expect(() => setup({ url: 'https://frontier-column.org/', contact: 'letters at example.org' }, 'dev')).toThrow(
      /\(contact\): "letters at example\.org" is neither/,
    );
    expect(setup({ url: 'https://frontier-column.org/', contact: '' }, 'build')).toEqual([
      expect.stringContaining('No contact is set'),
    ]);
    expect(setup({ url: 'https://frontier-column.org/', contact: '' }, 'dev')).toEqual([]);
  });
});
