import { describe, expect, it } from 'vitest';
import { checkEditionSize, editionWeights, GMAIL_CLIP_BYTES, WARN_BYTES } from '../../../src/lib/email/size-guard.ts';

/** A synthetic edition of about `kb` KB: a short opening, then sections of styled paragraphs, the last with a big table. */
function edition(kb: number): string {
  const p = `<p style="font-family:Georgia,serif;font-size:17px;line-height:1.6;color:#1b1b1d;margin:0 0 16px">${'word '.repeat(30)}</p>`;
  const table = `<table style="border-collapse:collapse"><tbody>${'<tr><td>cell</td><td>cell</td></tr>'.repeat(400)}</tbody></table>`;
  let body = '<p>Opening</p><h2>First</h2>';
  while (Buffer.byteLength(body) < kb * 1024 - 20_000) body += p;
  body += `<h2>Data &amp; more</h2>${table}`;
  while (Buffer.byteLength(body) < kb * 1024) body += p;
  return `<!DOCTYPE html><html><body>${body}</body></html>`;
}

describe('checkEditionSize', () => {
  it('passes an edition under 90 KB without a word', () => {
    expect(checkEditionSize('a.html', edition(60), '--go')).toEqual({
      verdict: 'ok',
      bytes: expect.any(Number),
      message: '',
    });
  });

  it('warns past 90 KB, naming the edition, its size and what weighs most', () => {
    const r = checkEditionSize('newsletter/long.html', edition(95), '--go');
    expect(r.bytes).toBeGreaterThan(WARN_BYTES);
    expect(r.verdict).toBe('warn');
    expect(r.message).toMatch(
      /^newsletter\/long\.html is 9\d\.\d KB of HTML, close to Gmail's 102\.0 KB clipping limit/,
    );
    expect(r.message).toMatch(/Heaviest: .*inline styles \d+\.\d KB/);
    expect(r.message).toContain('the section "First"');
    expect(r.message).not.toContain('--go');
  });

  it('stops past 102 KB and says how to go on', () => {
    const r = checkEditionSize('big.html', edition(110), '--allow-large-edition');
    expect(r.bytes).toBeGreaterThan(GMAIL_CLIP_BYTES);
    expect(r.verdict).toBe('stop');
    expect(r.message).toMatch(/over Gmail's 102\.0 KB: Gmail would cut it off/);
    expect(r.message).toContain('--allow-large-edition');
  });
});

describe('editionWeights', () => {
  it('measures styles, tables and the heaviest section', () => {
    const w = Object.fromEntries(
      editionWeights(
        '<body><p style="color:red">x</p><h2>A</h2><p>short</p><h2>B &amp; C</h2><table><tr><td>1</td></tr></table><p>and a longer paragraph</p></body>',
      ).map((x) => [x.what, x.bytes]),
    );
    expect(w['inline styles']).toBe(' style="color:red"'.length);
    expect(w.tables).toBe('<table><tbody><tr><td>1</td></tr></tbody></table>'.length);
    expect(Object.keys(w)).toContain('the section "B & C"');
  });
});
