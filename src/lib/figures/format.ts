/**
 * The one number formatter: prose, chart axes and tooltips, feeds, email and
 * social images all call it, so a figure never reads two ways. Pure, no
 * Node or DOM imports (the browser chart code uses it too).
 */
import { CURRENCIES, PERIOD_SUFFIX, SCALES, SHORT_SCALE, type Period, type Scale, type Unit } from './units.ts';

export type FormatStyle = 'long' | 'short';

export interface FormatSpec {
  unit: Unit;
  scale: Scale;
  period?: Period;
  per?: string;
  noun?: string;
  /** Significant digits (default 3); integer parts are never rounded away. */
  digits?: number;
}

/**
 * Round to `digits` significant digits without float noise; numbers whose
 * integer part already has that many digits are rounded to whole numbers.
 */
export function roundSignificant(value: number, digits = 3): number {
  if (!Number.isFinite(value) || value === 0) return Number.isFinite(value) ? 0 : value;
  const magnitude = Math.floor(Math.log10(Math.abs(value))) + 1;
  const decimals = Math.max(0, digits - magnitude);
  // `|| 0` folds -0 into 0.
  return Number(value.toFixed(Math.min(decimals, 20))) || 0;
}

const grouping = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 20, useGrouping: true });

/** A plain number as the column prints it: "1,234", "49.2", "0.0008". */
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return '–';
  const rounded = roundSignificant(value, digits);
  // Very small or huge magnitudes stay readable without exponent notation.
  if (rounded !== 0 && Math.abs(rounded) < 1e-6) return rounded.toExponential(Math.max(0, digits - 1));
  const text = grouping.format(rounded);
  return text === '-0' ? '0' : text;
}

/** The scale that best fits a value given in base units: 2e11 → billion. */
export function bestScale(base: number): Scale {
  const abs = Math.abs(base);
  if (abs >= 1e12) return 'trillion';
  if (abs >= 1e9) return 'billion';
  if (abs >= 1e6) return 'million';
  return 'one';
}

/** Format `value` (in `spec.scale`) in long ("¥200 billion") or short ("¥200 bn") form. */
export function formatValue(value: number, spec: FormatSpec, style: FormatStyle = 'long'): string {
  const n = formatNumber(value, spec.digits);
  const negative = n.startsWith('-');
  const digits = negative ? n.slice(1) : n;
  const sign = negative ? '−' : '';
  const scaleWord = spec.scale === 'one' ? '' : style === 'long' ? ` ${spec.scale}` : ` ${SHORT_SCALE[spec.scale]}`;
  const currency = CURRENCIES[spec.unit];
  let text: string;
  if (currency) text = `${sign}${currency.symbol}${digits}${scaleWord}`;
  else if (spec.unit === 'percent') text = `${sign}${digits}%`;
  else if (spec.unit === 'multiple') text = `${sign}${digits}×`;
  else {
    const noun = spec.unit === 'tokens' ? 'tokens' : spec.noun;
    text = `${sign}${digits}${scaleWord}${noun && (style === 'long' || spec.unit === 'tokens') ? ` ${noun}` : ''}`;
  }
  if (spec.per) text += style === 'long' ? ` per ${spec.per}` : `/${spec.per.replace(/ tokens?$/, '')}`;
  if (spec.period && style === 'long') text += PERIOD_SUFFIX[spec.period];
  return text;
}

/**
 * A formatter for chart axes and tooltips: numbers arrive in the series'
 * own scale and come out short ("¥85 bn", "49.2%").
 */
export function makeValueFormatter(spec: FormatSpec, style: FormatStyle = 'short'): (n: number) => string {
  const scalable = spec.unit !== 'percent' && spec.unit !== 'multiple' && spec.scale !== 'one';
  return (n: number) => {
    if (!scalable) return formatValue(n, { ...spec, period: undefined }, style);
    // Each number in its own best scale: a log axis reads "100 bn", "1 tn", "10 tn".
    const base = n * SCALES[spec.scale];
    const scale = bestScale(base);
    return formatValue(base / SCALES[scale], { ...spec, scale, period: undefined }, style);
  };
}

/** Convert a value between scales: 0.12 trillion → 120 billion. */
export function rescale(value: number, from: Scale, to: Scale): number {
  return (value * SCALES[from]) / SCALES[to];
}

/** Relative change in percent, e.g. 160 → 200 is 25. */
export function percentChange(from: number, to: number): number | undefined {
  if (from === 0 || !Number.isFinite(from) || !Number.isFinite(to)) return undefined;
  return ((to - from) / Math.abs(from)) * 100;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A registry date at its own precision: "2026", "H1 2025", "Q3 2025", "Sep 2025", "20 Oct 2025". */
export function formatPartialDate(date: string): string {
  const [y, m, d] = date.split('-');
  if (!m) return y!;
  if (/^[HQ]\d$/.test(m)) return `${m} ${y}`;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}
