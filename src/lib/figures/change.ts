import { formatNumber, formatValue, percentChange } from './format.ts';
import type { Figure } from './types.ts';

/**
 * A figure's change against its previous value, as a stat card prints it:
 * "+25% from ¥160 bn". Its tone is good or bad only when the figure declares
 * which direction is better (`better: up|down`); otherwise it is neutral, so
 * a rising cost is never printed in green.
 */
export function figureChange(
  f: Pick<Figure, 'value' | 'previous' | 'better' | 'unit' | 'scale' | 'per' | 'noun' | 'digits'>,
): { text: string; tone: 'good' | 'bad' | 'neutral'; direction: 'up' | 'down' | 'flat' } | undefined {
  if (!f.previous) return undefined;
  const change = percentChange(f.previous.value, f.value);
  if (change === undefined) return undefined;
  const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  const sign = direction === 'up' ? '+' : direction === 'down' ? '−' : '±';
  const text = `${sign}${formatNumber(Math.abs(change), 2)}% from ${formatValue(f.previous.value, { ...f, period: undefined }, 'short')}`;
  const tone = !f.better || direction === 'flat' ? 'neutral' : f.better === direction ? 'good' : 'bad';
  return { text, tone, direction };
}
