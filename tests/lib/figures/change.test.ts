import { describe, expect, it } from 'vitest';
import { figureChange } from '../../../src/lib/figures/change.ts';
import type { Figure } from '../../../src/lib/figures/types.ts';

const f = (value: number, previous: number, better?: 'up' | 'down') =>
  ({ value, previous: { value: previous }, unit: 'CNY', scale: 'billion', ...(better ? { better } : {}) }) as Pick<
    Figure,
    'value' | 'previous' | 'better' | 'unit' | 'scale'
  >;

describe('changes on stat cards', () => {
  it('are coloured only when the figure says which direction is better', () => {
    expect(figureChange(f(200, 160))).toEqual({ text: '+25% from ¥160 bn', tone: 'neutral', direction: 'up' });
    expect(figureChange(f(200, 160, 'up'))?.tone).toBe('good');
    // A rising cost is bad news, a falling price good news.
    expect(figureChange(f(200, 160, 'down'))?.tone).toBe('bad');
    expect(figureChange(f(0.0008, 0.12, 'down'))).toMatchObject({ tone: 'good', direction: 'down' });
    expect(figureChange(f(5, 5, 'up'))?.tone).toBe('neutral');
    expect(figureChange({ value: 1, unit: 'count', scale: 'one' } as never)).toBeUndefined();
  });
});
