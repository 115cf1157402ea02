/** The closed vocabularies of the figures registry: units, scales and periods. */

export const UNITS = ['CNY', 'USD', 'EUR', 'tokens', 'percent', 'count', 'multiple'] as const;
export type Unit = (typeof UNITS)[number];

export const CURRENCIES: Partial<Record<Unit, { symbol: string; name: string }>> = {
  CNY: { symbol: '¥', name: 'yuan' },
  USD: { symbol: '$', name: 'dollars' },
  EUR: { symbol: '€', name: 'euros' },
};

export const SCALES = { one: 1, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 } as const;
export type Scale = keyof typeof SCALES;

/** Short scale words as the column writes them: "¥200 bn". */
export const SHORT_SCALE: Record<Scale, string> = {
  one: '',
  thousand: 'k',
  million: 'm',
  billion: 'bn',
  trillion: 'tn',
};

export const PERIODS = ['day', 'month', 'quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/** Rates read with their period in prose ("30 trillion tokens a day"); totals for a quarter or year do not. */
export const PERIOD_SUFFIX: Record<Period, string> = { day: ' a day', month: ' a month', quarter: '', year: '' };

export function isUnit(v: unknown): v is Unit {
  return typeof v === 'string' && (UNITS as readonly string[]).includes(v);
}
export function isScale(v: unknown): v is Scale {
  return typeof v === 'string' && v in SCALES;
}
export function isPeriod(v: unknown): v is Period {
  return typeof v === 'string' && (PERIODS as readonly string[]).includes(v);
}
