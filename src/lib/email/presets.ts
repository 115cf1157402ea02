/**
 * Email service presets: the merge tags each newsletter service replaces per
 * subscriber when it sends an edition. The footer of the HTML and text parts
 * is written from these, so an edition pasted or uploaded into the service
 * carries a working unsubscribe link, a preferences link, a web version and
 * the sender's postal address (which anti-spam laws ask for), and the service
 * does not append a footer of its own.
 */
export type NewsletterService = 'buttondown' | 'mailchimp' | 'kit' | 'generic';

export const NEWSLETTER_SERVICES: readonly NewsletterService[] = ['buttondown', 'mailchimp', 'kit', 'generic'];

export interface NewsletterSettings {
  service: NewsletterService;
  /** Buttondown username, Kit form id, or the form action URL (Mailchimp, generic). */
  signup: string;
  /** Postal address printed in each footer; empty: the service's own address tag, if it has one. */
  postalAddress: string;
}

export interface ServicePreset {
  /** The service's name as people know it. */
  label: string;
  /** Personal one-click unsubscribe URL. */
  unsubscribe: string;
  /** Personal preferences/profile page, if the service has one separate from unsubscribing. */
  preferences?: string;
  /** The service's hosted copy of this email, if it keeps one (else the article is the web version). */
  viewOnline?: string;
  /** The sender's address as the service fills it in from the account settings (HTML part, text part). */
  address?: { html: string; text: string };
  /** How the edition gets into the service. */
  upload: string;
}

export const PRESETS: Record<NewsletterService, ServicePreset> = {
  buttondown: {
    label: 'Buttondown',
    unsubscribe: '{{ unsubscribe_url }}',
    viewOnline: '{{ email_url }}',
    upload:
      'npm run send -- <slug> creates the draft through the API (BUTTONDOWN_API_KEY) with Buttondown\'s "naked" template: the edition is the whole email, with its own footer and unsubscribe link.',
  },
  mailchimp: {
    label: 'Mailchimp',
    unsubscribe: '*|UNSUB|*',
    preferences: '*|UPDATE_PROFILE|*',
    viewOnline: '*|ARCHIVE|*',
    address: { html: '*|HTML:LIST_ADDRESS_HTML|*', text: '*|LIST:ADDRESSLINE|*' },
    upload:
      'In the classic email builder (the new builder takes no HTML of your own): Create → Email → Templates → "Code your own" → "Paste in code": paste the .html whole and save; then on the Plain-Text step replace the generated text with the .txt. Mailchimp adds a footer of its own only to an email without *|UNSUB|*, which the edition carries (a free plan adds its referral badge).',
  },
  kit: {
    label: 'Kit',
    unsubscribe: '{{ unsubscribe_url }}',
    preferences: '{{ subscriber_preferences_url }}',
    address: { html: '{{ address }}', text: '{{ address }}' },
    upload:
      "Kit puts every broadcast into an email template, which must hold {{ message_content }} and the unsubscribe link. So the edition becomes the template: Send → Email Templates → New → HTML: paste the .html whole, add {{ message_content }} just before </body>, save it as this issue; then a new broadcast with that template and an empty body. One footer, one unsubscribe link: the edition's.",
  },
  generic: {
    label: 'your email service',
    unsubscribe: '{{unsubscribe_url}}',
    preferences: '{{preferences_url}}',
    viewOnline: '{{web_version_url}}',
    address: { html: '{{postal_address}}', text: '{{postal_address}}' },
    upload:
      "Replace {{unsubscribe_url}}, {{preferences_url}}, {{web_version_url}} and {{postal_address}} with your service's merge tags, then paste the .html and .txt.",
  },
};

/** Every placeholder the generic preset leaves for the author to replace. */
export const GENERIC_PLACEHOLDERS = [
  '{{unsubscribe_url}}',
  '{{preferences_url}}',
  '{{web_version_url}}',
  '{{postal_address}}',
];

/** Whether a URL attribute holds a service merge tag ({{ unsubscribe_url }}, *|UNSUB|*), filled in per subscriber when sent. */
export function isMergeTag(value: string): boolean {
  return /^\s*(\{\{[^{}]+\}\}|\*\|[A-Z0-9_:]+\|\*)\s*$/.test(value);
}

export function presetFor(service: string): ServicePreset {
  if (!(NEWSLETTER_SERVICES as readonly string[]).includes(service)) {
    throw new Error(
      `src/site.config.ts (newsletter.service): "${service}" is not a known email service.\n  Fix: use one of ${NEWSLETTER_SERVICES.map((s) => `'${s}'`).join(', ')}.`,
    );
  }
  return PRESETS[service as NewsletterService];
}

/** What the footer links and prints, resolved for one service and one edition. */
export interface FooterParts {
  unsubscribe: string;
  preferences?: string;
  /** The web version: the service's hosted copy, else the article itself. */
  viewOnline: string;
  addressHtml?: string;
  addressText?: string;
  /** Why the reader got this email. */
  why: string;
}

export function footerParts(
  settings: NewsletterSettings,
  ctx: { columnName: string; siteUrl: string; articleUrl: string },
): FooterParts {
  const preset = presetFor(settings.service);
  const address = settings.postalAddress.trim();
  const host = new URL(ctx.siteUrl).host;
  return {
    unsubscribe: preset.unsubscribe,
    preferences: preset.preferences,
    viewOnline: preset.viewOnline ?? ctx.articleUrl,
    addressHtml: address || preset.address?.html,
    addressText: address || preset.address?.text,
    why: `You are receiving this because you subscribed to ${ctx.columnName} at ${host}.`,
  };
}
