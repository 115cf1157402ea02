/**
 * Each built edition measured against caniemail.com's support data (through
 * @jsx-email/doiuse-email) for the clients most subscribers read in: Gmail,
 * Apple Mail, Outlook (Windows, Windows Mail, Mac, phones, web) and Yahoo.
 * A feature a client lacks is allowed only when it is listed below with why
 * it neither breaks the layout nor hides content there (README, "Email
 * editions", lists the same); anything else fails the test.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { doIUseEmail } from '@jsx-email/doiuse-email';
import { readDist, testDist } from '../helpers/project.ts';

const CLIENTS = ['gmail.*', 'apple-mail.*', 'outlook.*', 'yahoo.*'];

/** Unsupported features the edition uses on purpose, and why each is harmless where it is unsupported. */
export const HARMLESS: Record<string, string> = {
  '@media':
    'the dark palette and the wider sides from 600 px only; the inline layout is the phone’s and holds without them',
  '<body> element': 'the page colour is also on the outermost table, so a client that replaces <body> keeps it',
  'display:none': 'the hidden preheader; it is also 1 px, zero-height and transparent, so it stays out of sight',
  opacity: 'the hidden preheader, belt and braces beside display:none',
  overflow: 'the hidden preheader, belt and braces beside display:none',
  'role attribute': 'role="presentation" on layout tables, for screen readers; clients that drop it show the same',
};

/** The names of the features a client lacks, from doiuse-email's messages ("`position` is not supported by …"). */
function unsupported(html: string): string[] {
  const result = doIUseEmail(html, { emailClients: CLIENTS });
  const errors: string[] = result.success ? [] : result.errors;
  return errors.map((e) => /^`([^`]+)`/.exec(e)?.[1] ?? e);
}

const editions = readdirSync(join(testDist, 'newsletter')).filter((f) => f.endsWith('.html'));

describe('newsletter editions against caniemail data', () => {
  it('finds the editions', () => {
    expect(editions.length).toBeGreaterThan(0);
  });

  it.each(editions)('%s: every unsupported feature is a known harmless one', (file) => {
    const features = new Set(unsupported(readDist(`newsletter/${file}`)));
    expect([...features].filter((f) => !(f in HARMLESS))).toEqual([]);
  });

  it('would catch a feature that breaks the layout', () => {
    const html = readDist(`newsletter/${editions[0]!}`).replace(
      '<td data-pad style="',
      '<td data-pad style="position:absolute;',
    );
    expect(unsupported(html).filter((f) => !(f in HARMLESS))).toContain('position');
  });
});
