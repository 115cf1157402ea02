/**
 * chart.js with exactly the parts the column's chart types use (not chart.js/auto), registered once.
 * The browser runtime and the static renderer draw through this one `Chart`, so they cannot drift.
 * chart.js ships as one module, so the browser gets one chunk; there are no tooltip or legend
 * plugins: the tooltip, the announced readout and the legend are plain HTML.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PieController,
  PointElement,
  type ChartComponentLike,
} from 'chart.js';
import type { ChartShape, ChartType } from './chart-types.ts';

/** The controller and elements each chart type draws with (the compiler asks for a new type's). */
const PARTS: Record<ChartType, ChartComponentLike[]> = {
  bar: [BarController, BarElement],
  line: [LineController, LineElement, PointElement],
  doughnut: [DoughnutController, ArcElement],
  pie: [PieController, ArcElement],
};

/** The scales each shape needs: a category axis and a linear or log value axis, or none. */
const SCALES: Record<ChartShape, ChartComponentLike[]> = {
  cartesian: [CategoryScale, LinearScale, LogarithmicScale],
  round: [],
};

Chart.register(...new Set([...Object.values(PARTS).flat(), ...Object.values(SCALES).flat()]));

export { Chart };
