import { describe, expect, it } from 'vitest';
import { rateText } from '../../../src/lib/figures/rates.ts';
import { buildRegistry } from '../../../src/lib/figures/registry.ts';

describe('exchange rates', () => {
  it('read as "one unit of the base currency = so much of the other"', () => {
    expect(rateText({ id: 'fx.usd-per-cny', unit: 'multiple', digits: 4 }, 0.137724)).toBe('¥1 = $0.1377');
    expect(rateText({ id: 'fx.cny-per-eur', unit: 'multiple' }, 7.8312)).toBe('€1 = ¥7.83');
  });

  it('leave other figures and unknown currencies alone', () => {
    expect(rateText({ id: 'volcano.tokens.growth', unit: 'multiple' }, 250)).toBeUndefined();
    expect(rateText({ id: 'fx.usd-per-cny', unit: 'percent' }, 0.13)).toBeUndefined();
    expect(rateText({ id: 'fx.usd-per-xyz', unit: 'multiple' }, 2)).toBeUndefined();
  });

  it('is how the registry writes the rate everywhere, and topics carry through', () => {
    const text =
      'topic: Exchange rates\nfigures:\n  - id: fx.usd-per-cny\n    label: US dollars per yuan\n    value: 0.13772\n    unit: multiple\n    digits: 4\n    asOf: "2025-06"\n    source: { name: "A bank", url: "https://example.com/", date: "2025-06" }\n';
    const { registry, errors } = buildRegistry({ files: [{ path: 'content/figures/fx.yaml', text }] });
    expect(errors).toEqual([]);
    expect(registry!.figures['fx.usd-per-cny']).toMatchObject({
      topic: 'Exchange rates',
      text: { long: '¥1 = $0.1377', short: '¥1 = $0.1377' },
    });
  });
});
