/**
 * The reader's controls rendered alone: the sign-up form for each email service (and the feeds when
 * none is set), and the share links.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'parse5';
import { render, textOf } from './render.ts';
import SubscribeForm from '../../src/components/SubscribeForm.astro';
import ShareLinks from '../../src/components/ShareLinks.astro';
import { attr, elements, textOf as nodeText } from '../helpers/dist-files.ts';

const dom = (html: string) => elements(parse(html));
const byTag = (html: string, tag: string) => dom(html).filter((el) => el.tagName === tag);

describe('SubscribeForm', () => {
  it('offers the feeds, and no form, when no service is configured', async () => {
    const html = await render(SubscribeForm, { props: { newsletter: { service: 'generic', signup: '' } } });
    expect(byTag(html, 'form')).toEqual([]);
    expect(byTag(html, 'a').map((a) => attr(a, 'href'))).toEqual([
      '/rss.xml',
      '/atom.xml',
      '/feed.json',
      '/subscribe/',
    ]);
    expect(textOf(html)).toContain('Follow every issue');
  });

  it.each([
    [
      { service: 'buttondown', signup: 'aifrontier' },
      'https://buttondown.com/api/emails/embed-subscribe/aifrontier',
      'email',
    ],
    [{ service: 'kit', signup: '1234567' }, 'https://app.kit.com/forms/1234567/subscriptions', 'email_address'],
    [
      { service: 'mailchimp', signup: 'https://example.us1.list-manage.com/subscribe/post?u=abc&id=def' },
      'https://example.us1.list-manage.com/subscribe/post?u=abc&id=def',
      'EMAIL',
    ],
    [{ service: 'generic', signup: 'https://forms.example.com/join' }, 'https://forms.example.com/join', 'email'],
  ])(
    '%o posts straight to the service with a labelled, described, required email field',
    async (newsletter, action, field) => {
      const html = await render(SubscribeForm, { props: { newsletter, id: 'sub' } });
      const [form] = byTag(html, 'form');
      expect(attr(form!, 'action')).toBe(action);
      expect(attr(form!, 'method')).toBe('post');
      const email = byTag(html, 'input').find((i) => attr(i, 'type') === 'email')!;
      expect(attr(email, 'name')).toBe(field);
      expect(attr(email, 'required')).toBe('');
      expect(attr(email, 'autocomplete')).toBe('email');
      const label = byTag(html, 'label').find((l) => attr(l, 'for') === attr(email, 'id'));
      expect(label && nodeText(label).trim()).toBe('Email address');
      const hint = dom(html).find((el) => attr(el, 'id') === attr(email, 'aria-describedby'));
      expect(hint).toBeDefined();
      // Nothing runs: no script, no event handler.
      expect(byTag(html, 'script')).toEqual([]);
      expect(dom(html).flatMap((el) => el.attrs.filter((a) => a.name.startsWith('on')))).toEqual([]);
    },
  );

  it("keeps Mailchimp's bot trap out of sight, out of the tab order and away from screen readers", async () => {
    const html = await render(SubscribeForm, {
      props: {
        newsletter: { service: 'mailchimp', signup: 'https://example.us1.list-manage.com/subscribe/post?u=abc&id=def' },
      },
    });
    const trap = byTag(html, 'input').find((i) => attr(i, 'name') === 'b_abc_def')!;
    expect(attr(trap, 'tabindex')).toBe('-1');
    expect(dom(html).some((el) => attr(el, 'class') === 'subscribe__trap' && attr(el, 'aria-hidden') === 'true')).toBe(
      true,
    );
  });

  it('stops with the fix when the setting is wrong', async () => {
    await expect(
      render(SubscribeForm, { props: { newsletter: { service: 'kit', signup: 'my-form' } } }),
    ).rejects.toThrow(/not a Kit form id[\s\S]*Fix:/);
  });
});

describe('ShareLinks', () => {
  it('links to email, X, LinkedIn and Bluesky with the page address, and carries buttons for native share and copy', async () => {
    const url = 'https://ai-frontier.example.com/articles/x/';
    const html = await render(ShareLinks, { props: { url, title: 'A title' } });
    const links = byTag(html, 'a');
    expect(links.map((a) => nodeText(a).trim())).toEqual(['Email', 'X', 'LinkedIn', 'Bluesky']);
    for (const a of links) {
      expect(attr(a, 'href')).toContain(encodeURIComponent(url));
      expect(attr(a, 'rel')).toBe('noopener noreferrer');
    }
    expect(byTag(html, 'button').map((b) => b.attrs.find((a) => a.name.startsWith('data-share-'))?.name)).toEqual([
      'data-share-native',
      'data-share-copy',
    ]);
    expect(byTag(html, 'script')).toEqual([]);
  });
});
