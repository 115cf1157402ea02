/**
 * Chart colours: the Okabe–Ito colour-blind-safe hues, darkened for the light
 * theme and lightened for the dark one so every mark keeps at least 3:1
 * contrast against the page (WCAG 1.4.11) and text keeps 4.5:1. `other` is
 * the neutral grey of an automatic "Other" remainder.
 */
export type Theme = 'light' | 'dark';

export const THEMES: Record<
  Theme,
  { background: string; text: string; muted: string; grid: string; series: string[]; other: string }
> = {
  light: {
    background: '#fbfaf7',
    text: '#1b1b1d',
    muted: '#55565c',
    grid: '#d9d6ce',
    series: ['#0072B2', '#C75000', '#007A5A', '#A8508A', '#7A6400'],
    other: '#77787d',
  },
  dark: {
    background: '#121417',
    text: '#ebe9e4',
    muted: '#a9abb2',
    grid: '#3a3e45',
    series: ['#56B4E9', '#F08A4B', '#3CC49A', '#E79AC8', '#E6C35C'],
    other: '#8e9097',
  },
};

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(a: string, b: string): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1! + 0.05) / (l2! + 0.05);
}
