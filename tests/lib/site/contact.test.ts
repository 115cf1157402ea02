import { describe, expect, it } from 'vitest';
import { contactLink } from '../../../src/lib/site/contact.ts';
import { ContentError } from '../../../src/lib/errors.ts';

describe('contactLink', () => {
  it('turns an email address into a mailto: link that reads as the address', () => {
    expect(contactLink('letters@aifrontier.news')).toEqual({
      href: 'mailto:letters@aifrontier.news',
      text: 'letters@aifrontier.news',
      kind: 'email',
    });
    expect(contactLink('  mailto:letters@aifrontier.news ')?.href).toBe('mailto:letters@aifrontier.news');
  });

  it('links a contact form by its https:// address', () => {
    expect(contactLink('https://forms.example.org/aif?x=1')).toEqual({
      href: 'https://forms.example.org/aif?x=1',
      text: 'the contact form',
      kind: 'form',
    });
  });

  it('is undefined when nothing is set', () => {
    expect(contactLink('')).toBeUndefined();
    expect(contactLink('   ')).toBeUndefined();
  });

  it.each([
    'letters',
    'letters@',
    'two@at@signs.com',
    'http://forms.example.org/aif',
    'javascript:alert(1)',
    'https://user:pass@forms.example.org/',
    'a b@example.com',
  ])('refuses %j with the file, the field and the fix', (value) => {
    let error: unknown;
    try {
      contactLink(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    const e = error as ContentError;
    expect(e.file).toBe('src/site.config.ts');
    expect(e.field).toBe('contact');
    expect(e.message).toContain(`"${value}" is neither an email address nor an https:// address`);
    expect(e.fix).toContain('SITE_CONTACT');
  });
});
