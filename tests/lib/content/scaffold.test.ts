import { describe, expect, it } from 'vitest';
import { nextIssueNumber, scaffoldArticle, scaffoldFileName, shortSlug } from '../../../src/lib/content/scaffold.ts';
import { validateFrontmatter } from '../../../src/lib/content/frontmatter.ts';

describe('scaffold', () => {
  it('names the file by date and slug, and numbers the next issue', () => {
    expect(scaffoldFileName(shortSlug('Tokens: who wins?'), new Date('2026-11-24T10:00:00Z'))).toBe('2026-11-24-tokens-wins.mdx');
    expect(nextIssueNumber([])).toBe(1);
    expect(nextIssueNumber([1, 7, 3].map((issue) => ({ issue, draft: false })))).toBe(8);
  });

  it('numbers after the published issues, not after a draft far ahead, skipping numbers drafts hold', () => {
    expect(nextIssueNumber([{ issue: 1, draft: false }, { issue: 2, draft: false }, { issue: 99, draft: true }])).toBe(3);
    expect(nextIssueNumber([{ issue: 1, draft: false }, { issue: 2, draft: true }, { issue: 3, draft: true }])).toBe(4);
    expect(nextIssueNumber([{ issue: 5, draft: true }])).toBe(1);
  });

  it.each([
    // The case the slug rule was written for: "means" goes, "firms" stays.
    ['The Price of a Token: What Cheap Inference Means for Small Firms', 'price-token-cheap-inference-small-firms'],
    // Headlines of the kind the column draws on (the seeds' sources, news of 2025–2026).
    ['ByteDance raises 2026 capex by at least 25% amid AI boom, sources say', 'bytedance-2026-capex-25-ai-boom'],
    ["The Metric is the Message: ByteDance vs. Alibaba and the Battle for China's AI Economy", 'metric-message-bytedance-alibaba-battle-ai'],
    ['Nvidia Becomes First Company to Hit $5 Trillion Market Value', 'nvidia-company-5-trillion-market-value'],
    ['OpenAI Signs $38 Billion Cloud Computing Deal With Amazon', 'openai-38-billion-cloud-computing-deal'],
    ["Alibaba's Cloud Revenue Jumps 26% as AI Demand Surges", 'alibaba-cloud-revenue-26-ai-demand'],
    ["DeepSeek's Cheap Model Rattles Nvidia and US Tech Stocks", 'deepseek-model-nvidia-us-tech-stocks'],
    ['Microsoft to Spend $80 Billion on AI Data Centers This Fiscal Year', 'microsoft-80-billion-ai-data-centers'],
    ['Meta Raises Capital Spending Forecast to as Much as $72 Billion', 'meta-capital-spending-forecast-72-billion'],
    ['Volcano Engine cuts Doubao prices by 99% to win developers', 'volcano-engine-doubao-prices-99-developers'],
  ])('keeps the names, numbers and nouns of "%s"', (title, slug) => {
    expect(shortSlug(title)).toBe(slug);
    expect(slug.split('-').length).toBeLessThanOrEqual(6);
  });

  it('stays within 60 characters, dropping the lightest words first', () => {
    const slug = shortSlug('Internationalisation Standardisation Telecommunications Infrastructure Counterintelligence');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe('internationalisation-standardisation-telecommunications');
  });

  it('makes a short slug: stop words dropped, at most six words', () => {
    expect(shortSlug('Why ByteDance is betting ¥200 billion on AI in 2026')).toBe('bytedance-betting-200-billion-ai-2026');
    expect(shortSlug('One two three four five six seven eight')).toBe('one-two-three-four-five-six');
    expect(shortSlug('The state of the art')).toBe('state-art');
    expect(shortSlug('The')).toBe('the');
    expect(shortSlug('豆包 price war')).toBe('dou-bao-price-war');
  });

  it('writes frontmatter that passes the schema, with draft set', () => {
    const text = scaffoldArticle({ title: 'A "quoted" title', today: new Date('2026-11-24'), nextIssue: 3 });
    const result = validateFrontmatter('x.mdx', text);
    expect(result.errors).toEqual([]);
    expect(result.data).toMatchObject({ title: 'A "quoted" title', issue: 3, draft: true });
  });
});
