/**
 * The sign-up form: where it posts and what it sends, for each email service the column can use.
 * The form posts straight to the service (no script, no third-party code on the page); the CSP's
 * form-action allows exactly that address. With no `signup` configured there is no form, only feeds.
 */
import { NEWSLETTER_SERVICES as SERVICES, type NewsletterService, type NewsletterSettings } from './presets.ts';

export type { NewsletterService };

/** The sign-up form reads these two of the newsletter settings (presets.ts), as the build or the environment gives them. */
export type SignupSettings = Pick<NewsletterSettings, 'service' | 'signup'>;

export interface SignupForm {
  service: NewsletterService;
  /** The URL the form posts to. */
  action: string;
  /** Name of the email field the service reads. */
  emailField: string;
  /** Extra fields the service expects (Mailchimp's bot trap), as name → value. */
  hidden: Array<{ name: string; value: string }>;
  /** Mailchimp's bot trap: a text field people never see nor fill. */
  honeypot?: string;
  /** The CSP source that allows posting there: scheme, host, port and path, without the query. */
  cspSource: string;
}

export class NewsletterConfigError extends Error {
  override name = 'NewsletterConfigError';
}

const where = 'src/site.config.ts (newsletter)';

function fail(what: string, fix: string): never {
  throw new NewsletterConfigError(`${where}: ${what}\n  Fix: ${fix}`);
}

/** A form action: https anywhere, plain http only for a server on this machine (tests, local previews). */
function actionUrl(text: string, service: NewsletterService): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    fail(
      `signup "${text}" is not a URL, and the ${service} service needs the form's full action URL`,
      `Copy the action="…" address from the form code the service gives you, e.g. signup: 'https://example.us1.list-manage.com/subscribe/post?u=abc&id=def'`,
    );
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
    fail(
      `signup "${text}" must be an https:// address (readers' email addresses travel in it)`,
      'Use the https:// form of the address.',
    );
  if (url.username || url.password)
    fail(`signup "${text}" carries a user name or password`, 'Use the public form address, without credentials.');
  return url;
}

/** A CSP source for a URL: origin and path (CSP sources cannot carry a query). Characters CSP would misread are percent-encoded. */
export function cspSourceOf(url: URL): string {
  const path = url.pathname.replace(
    /[;,\s']/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `${url.origin}${path}`;
}

/** The sign-up form for a configuration, or undefined when none is configured (feeds only). */
export function signupForm(config: SignupSettings): SignupForm | undefined {
  const signup = config.signup.trim();
  if (!SERVICES.includes(config.service))
    fail(
      `service "${config.service}" is not one of ${SERVICES.map((s) => `'${s}'`).join(', ')}`,
      "Pick one of those, e.g. service: 'buttondown'.",
    );
  const service = config.service;
  if (signup === '') return undefined;
  switch (service) {
    case 'buttondown': {
      if (!/^[A-Za-z0-9_-]+$/.test(signup))
        fail(
          `signup "${signup}" is not a Buttondown username`,
          "Give the username only, as in buttondown.com/<username>, e.g. signup: 'aifrontier'.",
        );
      const url = new URL(`https://buttondown.com/api/emails/embed-subscribe/${signup}`);
      return {
        service,
        action: url.href,
        emailField: 'email',
        hidden: [{ name: 'embed', value: '1' }],
        cspSource: cspSourceOf(url),
      };
    }
    case 'kit': {
      if (!/^\d+$/.test(signup))
        fail(
          `signup "${signup}" is not a Kit form id`,
          "Give the number from the form's address app.kit.com/forms/<id>/subscriptions, e.g. signup: '1234567'.",
        );
      const url = new URL(`https://app.kit.com/forms/${signup}/subscriptions`);
      return { service, action: url.href, emailField: 'email_address', hidden: [], cspSource: cspSourceOf(url) };
    }
    case 'mailchimp': {
      const url = actionUrl(signup, service);
      if (!url.searchParams.get('u') || !url.searchParams.get('id'))
        fail(
          `signup "${signup}" lacks the u= and id= parameters of a Mailchimp form action`,
          'Copy the whole action="…" address from Mailchimp\'s embedded form code (…list-manage.com/subscribe/post?u=…&id=…).',
        );
      return {
        service,
        action: url.href,
        emailField: 'EMAIL',
        hidden: [],
        honeypot: `b_${url.searchParams.get('u')}_${url.searchParams.get('id')}`,
        cspSource: cspSourceOf(url),
      };
    }
    case 'generic': {
      const url = actionUrl(signup, service);
      return { service, action: url.href, emailField: 'email', hidden: [], cspSource: cspSourceOf(url) };
    }
  }
}
