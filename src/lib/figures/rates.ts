/**
 * Exchange rates read as rates: the figure `fx.usd-per-cny` (unit `multiple`, US dollars per yuan)
 * is written "¥1 = $0.1377", not "0.1377×". The id names the two currencies: fx.<to>-per-<from>.
 */
import { formatNumber } from './format.ts';
import { CURRENCIES, type Unit } from './units.ts';

const RATE_ID = /^fx\.([a-z]{3})-per-([a-z]{3})$/;

/** "¥1 = $0.1377" for an exchange-rate figure, undefined for any other figure. */
export function rateText(f: { id: string; unit: Unit; digits?: number }, value: number): string | undefined {
  const m = RATE_ID.exec(f.id);
  if (!m || f.unit !== 'multiple') return undefined;
  const to = CURRENCIES[m[1]!.toUpperCase() as Unit];
  const from = CURRENCIES[m[2]!.toUpperCase() as Unit];
  if (!to || !from) return undefined;
  return `${from.symbol}1 = ${to.symbol}${formatNumber(value, f.digits)}`;
}
