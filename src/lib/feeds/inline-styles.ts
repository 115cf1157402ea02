/**
 * Inline styles for feed and email HTML: mail clients and feed readers drop
 * stylesheets and classes, so meaning must survive with these alone. Colours
 * are the light theme's, with AA contrast on white.
 */
const cell = 'padding:8px 10px;border:1px solid #d9d6ce;text-align:left;vertical-align:top';

export const inlineStyles = {
  table: 'border-collapse:collapse;width:100%;max-width:600px;font-size:14px;line-height:1.4;margin:16px 0',
  th: `${cell};background:#f1efe9;font-weight:bold`,
  td: cell,
  outcomeRow: {
    good: 'background:#e5f3e8;color:#1b1b1d',
    mixed: 'background:#fbf0d9;color:#1b1b1d',
    bad: 'background:#fbe6e8;color:#1b1b1d',
  },
  box: 'border-left:4px solid #0a5f8a;background:#f1efe9;padding:12px 16px;margin:16px 0',
  boxTitle: 'margin:0 0 4px;font-weight:bold;font-size:13px;text-transform:uppercase;letter-spacing:0.05em;color:#0a5f8a',
  quote: 'margin:16px 0;padding:0 0 0 16px;border-left:3px solid #0a5f8a;font-size:20px;font-style:italic',
  caption: 'font-size:13px;color:#55565c;margin:4px 0 12px',
} as const;
