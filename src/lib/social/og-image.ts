import { createHash } from 'node:crypto';
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { registerChartFonts } from '../fonts/chart-fonts.ts';
import { palettePng } from '../images/palette-png.ts';

/** What a social card shows. All of it is drawn as text, so no string can become markup. */
export interface SocialCard {
  kicker: string;
  title: string;
  /** The article's headline figure, e.g. "¥200 bn". */
  figure?: string;
  figureLabel?: string;
  footer: string;
}

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
const OG_VERSION = 4;

/** Break text into lines no wider than `width` (by words; by characters for CJK runs). */
export function wrapText(ctx: Pick<SKRSContext2D, 'measureText'>, text: string, width: number): string[] {
  const tokens = text.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const next = line + token;
    if (line.trim() && ctx.measureText(next.trimEnd()).width > width && token.trim()) {
      lines.push(line.trimEnd());
      line = token;
    } else line = next;
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

let shared: Canvas | undefined;
let queue: Promise<unknown> = Promise.resolve();

/** Draw the 1200×630 card. Headlines shrink to fit in at most four lines. Cards are drawn one at a time on one reused canvas (flat memory). */
export function renderSocialCard(card: SocialCard): Promise<Buffer> {
  const run = queue.then(() => drawCard(card));
  queue = run.catch(() => undefined);
  return run;
}

async function drawCard(card: SocialCard): Promise<Buffer> {
  const pixels = socialCardPixels(card);
  // A 16-colour palette PNG: five flat colours and the edges of text between them. A fifth of the
  // canvas's full-colour PNG and 60% of a 256-colour one, encoded in half the time; edge pixels
  // move by a fraction of a level on average (tests/lib/images/palette-png.test.ts).
  return palettePng(pixels, OG_WIDTH, OG_HEIGHT, { colours: 16 }) ?? shared!.encode('png');
}

/** The card drawn in full colour, as RGBA pixels (on the shared canvas: call it only from the queue or a test). */
export function socialCardPixels(card: SocialCard): Uint8ClampedArray {
  registerChartFonts();
  shared ??= createCanvas(OG_WIDTH, OG_HEIGHT);
  const canvas = shared;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fbfaf7';
  ctx.fillRect(0, 0, OG_WIDTH, OG_HEIGHT);
  ctx.fillStyle = '#0a5f8a';
  ctx.fillRect(0, 0, OG_WIDTH, 16);
  ctx.fillStyle = '#0a5f8a';
  ctx.font = 'bold 30px "AIF Sans"';
  ctx.fillText(card.kicker.toUpperCase(), 72, 96);

  const textWidth = card.figure ? 700 : OG_WIDTH - 144;
  let size = 72;
  let lines: string[] = [];
  for (; size >= 40; size -= 4) {
    ctx.font = `bold ${size}px "AIF Sans"`;
    lines = wrapText(ctx, card.title, textWidth);
    if (lines.length <= 4) break;
  }
  if (lines.length > 4) lines = [...lines.slice(0, 3), `${lines[3]!.replace(/\s*\S*$/, '')}…`];
  ctx.fillStyle = '#1b1b1d';
  lines.forEach((l, i) => ctx.fillText(l, 72, 190 + i * size * 1.18));

  if (card.figure) {
    ctx.fillStyle = '#f1efe9';
    ctx.fillRect(820, 150, 320, 300);
    ctx.fillStyle = '#0a5f8a';
    ctx.fillRect(820, 150, 320, 8);
    let figSize = 80;
    ctx.font = `bold ${figSize}px "AIF Sans"`;
    while (ctx.measureText(card.figure).width > 280 && figSize > 36) ctx.font = `bold ${(figSize -= 4)}px "AIF Sans"`;
    ctx.fillStyle = '#1b1b1d';
    ctx.fillText(card.figure, 840, 260);
    if (card.figureLabel) {
      ctx.font = '24px "AIF Sans"';
      ctx.fillStyle = '#55565c';
      wrapText(ctx, card.figureLabel, 280)
        .slice(0, 4)
        .forEach((l, i) => ctx.fillText(l, 840, 310 + i * 32));
    }
  }
  ctx.font = '26px "AIF Sans"';
  ctx.fillStyle = '#55565c';
  ctx.fillText(card.footer, 72, OG_HEIGHT - 56);
  return ctx.getImageData(0, 0, OG_WIDTH, OG_HEIGHT).data;
}

/** A hash of everything the card's pixels depend on: what it shows, the renderer version and the fonts. */
export function socialCardHash(card: SocialCard): string {
  return createHash('sha256')
    .update(JSON.stringify([card, OG_VERSION, registerChartFonts()]))
    .digest('hex')
    .slice(0, 16);
}
