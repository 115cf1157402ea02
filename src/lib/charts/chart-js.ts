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
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  DoughnutController,
  PieController,
  ArcElement,
  CategoryScale,
  LinearScale,
  LogarithmicScale,
);

export { Chart };
