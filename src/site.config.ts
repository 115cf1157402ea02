/**
 * Site-wide settings. The site URL can be overridden with SITE_URL at build
 * time so feeds and canonical links point at wherever the column is hosted.
 */
export const site = {
  name: 'AI Frontier',
  tagline: 'Numbers behind the AI industry: compute, capex, token prices and cloud share.',
  url: process.env.SITE_URL ?? 'https://ai-frontier.example.com',
  lang: 'en',
  /** Articles per home page (pagination). */
  pageSize: 10,
  /** Items carried in full in each feed. */
  feedItems: 20,
} as const;
