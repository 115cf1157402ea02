import { describe, expect, it } from 'vitest';
import { NewsletterConfigError, signupForm, type NewsletterService } from '../../../src/lib/email/newsletter.ts';
import { cspMeta } from '../../../src/lib/hosting/csp.ts';

describe('newsletter sign-up form', () => {
  it('has no form when nothing is configured (feeds only)', () => {
    expect(signupForm({ service: 'generic', signup: '' })).toBeUndefined();
    expect(signupForm({ service: 'buttondown', signup: '   ' })).toBeUndefined();
  });

  it("posts to each service's own address with the field it reads", () => {
    expect(signupForm({ service: 'buttondown', signup: 'aifrontier' })).toMatchObject({
      action: 'https://buttondown.com/api/emails/embed-subscribe/aifrontier',
      emailField: 'email',
      cspSource: 'https://buttondown.com/api/emails/embed-subscribe/aifrontier',
    });
    expect(signupForm({ service: 'kit', signup: '1234567' })).toMatchObject({
      action: 'https://app.kit.com/forms/1234567/subscriptions',
      emailField: 'email_address',
    });
    const mc = signupForm({
      service: 'mailchimp',
      signup: 'https://example.us1.list-manage.com/subscribe/post?u=abc&id=def',
    })!;
    expect(mc).toMatchObject({
      emailField: 'EMAIL',
      honeypot: 'b_abc_def',
      cspSource: 'https://example.us1.list-manage.com/subscribe/post',
    });
    expect(signupForm({ service: 'generic', signup: 'http://127.0.0.1:8123/join' })).toMatchObject({
      action: 'http://127.0.0.1:8123/join',
      emailField: 'email',
      cspSource: 'http://127.0.0.1:8123/join',
    });
  });

  it('refuses settings that would break the form or leak addresses, saying where and how to fix', () => {
    const bad: Array<[string, string, RegExp]> = [
      ['newsletterly', 'x', /service "newsletterly" is not one of/],
      ['buttondown', 'https://buttondown.com/me', /not a Buttondown username/],
      ['kit', 'abc', /not a Kit form id/],
      ['mailchimp', 'https://example.com/subscribe/post', /lacks the u= and id=/],
      ['generic', 'http://forms.example.com/join', /must be an https:\/\/ address/],
      ['generic', 'join-here', /is not a URL/],
    ];
    for (const [service, signup, message] of bad) {
      let error: unknown;
      try {
        signupForm({ service: service as NewsletterService, signup });
      } catch (e) {
        error = e;
      }
      expect(error, `${service} ${signup}`).toBeInstanceOf(NewsletterConfigError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).toMatch(/^src\/site\.config\.ts \(newsletter\): .*\n {2}Fix: /s);
    }
  });

  it('lets the CSP allow exactly the sign-up address besides the site itself', () => {
    expect(cspMeta().split('; ')).toContain("form-action 'self'");
    const form = signupForm({
      service: 'mailchimp',
      signup: 'https://example.us1.list-manage.com/subscribe/post?u=abc&id=def',
    })!;
    const formAction = cspMeta(form.cspSource)
      .split('; ')
      .find((d) => d.startsWith('form-action'));
    expect(formAction).toBe("form-action 'self' https://example.us1.list-manage.com/subscribe/post");
    expect(() => cspMeta("https://x.example/; script-src 'unsafe-inline'")).toThrow(/Not a CSP source/);
  });
});
