import { siteAddress } from './lib/hosting/site-address.ts';
import type { NewsletterService } from './lib/email/presets.ts';

/**
 * Site-wide settings.
 *
 * `url` is the address the site is published at (https://<your domain>, or with a path such as a GitHub
 * Pages project site's https://<user>.github.io/<repo>/, which every link is then put under): feeds,
 * canonical links, sitemaps, email editions and social cards are built from it. Set it below, or with
 * SITE_URL at build time, which wins. A production build refuses the placeholder unless it is allowed
 * explicitly (`npm run build -- --allow-placeholder-url`, for local previews and tests).
 *
 * `contact` is how readers reach the column: an email address or the https:// address of a contact form,
 * shown in every page's footer and on /about/; SITE_CONTACT overrides it at build time. Empty: the pages
 * offer none, and the build says so.
 *
 * `newsletter` sets the sign-up form (README, "Newsletter sign-up"); NEWSLETTER_SERVICE and
 * NEWSLETTER_SIGNUP override it at build time.
 */
export const site = {
  name: 'AI Frontier',
  tagline: 'Numbers behind the AI industry: compute, capex, token prices and cloud share.',
  url: siteAddress(process.env, 'https://ai-frontier.example.com'),
  lang: 'en',
  /** An email address or a contact form's https:// address; SITE_CONTACT wins. */
  contact: process.env.SITE_CONTACT ?? '',
  /** Articles per home page (pagination). */
  pageSize: 10,
  /** Items carried in full in the site's feeds (RSS, Atom, JSON Feed) and in email editions built with the site. */
  feedItems: 20,
  /** Items carried in full in each tag's feed: fewer, since an archive has dozens of tags and each feed item carries its charts as PNG. */
  tagFeedItems: 10,
  /** WebSub hub that feed readers subscribe to for instant updates (e.g. https://pubsubhubbub.appspot.com/); empty: none. */
  websubHub: process.env.WEBSUB_HUB ?? '',
  newsletter: {
    /** 'buttondown' | 'mailchimp' | 'kit' | 'generic' */
    // Checked where it is used (presetFor names this file and the known services).
    service: (process.env.NEWSLETTER_SERVICE ?? 'generic') as NewsletterService,
    /** Buttondown username, Kit form id, or the full form action URL (Mailchimp, generic). Empty: no form, feeds only. */
    signup: process.env.NEWSLETTER_SIGNUP ?? '',
    /** Postal address printed in each edition's footer. */
    postalAddress: '',
  },
} as const;
