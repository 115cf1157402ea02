/** The figures registry seen through the chart library's lookup interface. */
import type { FigureLookup } from '../lib/charts/spec.ts';
import { registry } from './figures-registry.ts';

export const chartLookup: FigureLookup = {
  figure: (id) => registry.figures[id],
  series: (id) => registry.series[id],
  figureIds: () => Object.keys(registry.figures),
  seriesIds: () => Object.keys(registry.series),
};
