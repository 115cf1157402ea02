import { makeValueFormatter, type FormatSpec } from '../figures/format.ts';
import { CHART_TYPES, isRound, type ChartType } from './chart-types.ts';
import { THEMES, type Theme } from './palette.ts';
import type { ResolvedChart } from './spec.ts';

/**
 * A chart.js configuration as pure data (JSON-safe): it is drawn at build
 * time on a server canvas and travels to the browser in a JSON script
 * element. Number formatting, value labels, log decades and the axis break
 * are descriptors under `aif` that `attachFormatters` turns into callbacks
 * and small plugins in both places, so the image and the canvas match.
 */
export interface ChartConfig {
  type: ResolvedChart['type'];
  data: { labels: string[]; datasets: Array<Record<string, unknown>> };
  options: Record<string, unknown>;
  aif: {
    format: FormatSpec;
    theme: Theme;
    valueAxis: 'x' | 'y' | null;
    /** Log axis: the only ticks and gridlines drawn. */
    decades?: number[];
    /** Bars: print each value at the end of its bar. */
    valueLabels?: boolean;
    /** Bars on an axis that does not start at zero: draw a break. */
    truncated?: boolean;
    /** Category labels wrap at this many characters a line (they never rotate). */
    wrap?: number;
  };
}

/** The font the static image is drawn with and the live chart loads (see src/lib/fonts/chart-fonts.ts and Chart.astro). */
export const FONT_FAMILY = "'AIF Sans', 'Noto Sans SC', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
export const FONT_SIZE = 13;

/** The layouts a chart is drawn in: wide (the article column on a desktop), narrow (phones), subscriber (feeds and email). */
export type LayoutName = 'wide' | 'narrow' | 'subscriber';

interface LayoutSpec {
  /** Logical width in CSS px. */
  width: number;
  /** Text size of axes and value labels. */
  fontSize: number;
  /** Height of columns and of round charts. */
  height: number;
  roundHeight: number;
  /** Horizontal bars: the least height, the room for the axis, and the least band a bar gets. */
  barsMinHeight: number;
  barsBase: number;
  band: number;
  /** At most this many round ticks on the value axis, the same on the image and the live canvas. */
  ticks: number;
  /** Room around the drawing (the subscriber drawing's card border sits in it). */
  pad: number;
}

export const LAYOUTS: Record<LayoutName, LayoutSpec> = {
  // 640 is the article column's width (40rem): the image is shown at its own size on a desktop.
  wide: {
    width: 640,
    fontSize: 13,
    height: 380,
    roundHeight: 400,
    barsMinHeight: 200,
    barsBase: 70,
    band: 56,
    ticks: 6,
    pad: 8,
  },
  // Phones up to 589 px (the page's column 280–549 px wide): the text shows at 11–21.6 px.
  narrow: {
    width: 330,
    fontSize: 13,
    height: 300,
    roundHeight: 300,
    barsMinHeight: 180,
    barsBase: 60,
    band: 52,
    ticks: 4,
    pad: 8,
  },
  // Feeds and email, one image for every width a mail app or feed reader shows it at (about 270–600 px):
  // shown 290 px wide (an edition on a 320 px phone) its text is 14.5 px, at 375 px (its widest) 18.75 px.
  subscriber: {
    width: 300,
    fontSize: 15,
    height: 270,
    roundHeight: 280,
    barsMinHeight: 170,
    barsBase: 60,
    band: 52,
    ticks: 4,
    pad: 14,
  },
};
/**
 * Feeds and email show the subscriber drawing at up to this times its logical width (its width
 * attribute, 375 px), shrinking with a phone's column: text 14.5–18.75 px wherever it is read.
 */
export const SUBSCRIBER_SHOWN_SCALE = 1.25;

/**
 * Which drawing a page shows at which viewport width, narrowest first (the wide one above them all).
 * The article column is the viewport less 40 px, at most 640 px, so the static image's text stays at
 * 11 px or more at every width: the narrow layout (13/330) up to a 589 px viewport (11.0 px at 320,
 * 21.6 px at 589), the wide one (13/640) above (11.2–13 px). A third drawing for the middle widths would
 * keep the static text nearer 13 px there, at about 3 ms and 2 KB a chart; the live chart, drawn at its
 * real size, uses 13 px throughout. The image's <source media> and the live chart read these.
 */
export const PAGE_LAYOUTS = [{ layout: 'narrow', media: '(max-width: 589px)' }] as const;

/** Phone layout's width (LAYOUTS.narrow). */
export const NARROW_WIDTH = LAYOUTS.narrow.width;
const CHAR_WIDTH = 0.6;

/**
 * What toChartConfig and narrowChart read of a resolved chart: the data and
 * how it is drawn, not its title, notes or sources. Pages carry this, not
 * the four configs it makes (both themes, wide and phone), so the browser
 * builds the live chart's config with the same code the images are drawn from.
 */
export type ChartDrawing = Pick<
  ResolvedChart,
  'type' | 'horizontal' | 'stacked' | 'axis' | 'share' | 'labels' | 'datasets' | 'format' | 'layout'
>;

export function chartDrawing(chart: ResolvedChart): ChartDrawing {
  const { type, horizontal, stacked, axis, share, labels, datasets, format, layout } = chart;
  return { type, horizontal, stacked, axis, share, labels, datasets, format, layout };
}

/** Split a label into lines of at most `max` characters, at spaces (labels wrap, they never rotate). */
export function wrapLabel(label: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * The chart laid out for a small width (phones, feeds and email): labels wrapped to the room each
 * category has, and vertical bars turned horizontal when their labels would need more than three
 * lines or a word does not fit.
 */
export function smallChart<C extends ChartDrawing>(chart: C, layout: 'narrow' | 'subscriber'): C {
  const small = { ...chart, layout };
  // Only bars lie on their side: a value read from a length reads the same either way.
  if (CHART_TYPES[chart.type].values !== 'length' || chart.horizontal) return small;
  const { width, fontSize } = LAYOUTS[layout];
  const max = Math.floor((width - 60) / chart.labels.length / (fontSize * CHAR_WIDTH));
  const tooLong = chart.labels.some(
    (l) => wrapLabel(l, max).some((line) => line.length > max) || wrapLabel(l, max).length > 3,
  );
  return tooLong ? { ...small, horizontal: true } : small;
}

/** The chart as drawn for a phone (the page's phone drawing and live chart). */
export const narrowChart = <C extends ChartDrawing>(chart: C): C => smallChart(chart, 'narrow');

/** The chart as drawn for subscribers: the one image feeds and email carry, whatever the width they show it at. */
export const subscriberChart = <C extends ChartDrawing>(chart: C): C => smallChart(chart, 'subscriber');

export function toChartConfig(chart: ChartDrawing, theme: Theme): ChartConfig {
  const t = THEMES[theme];
  const round = isRound(chart.type);
  const valueAxis = round ? null : chart.horizontal ? 'x' : 'y';
  const categoryAxis = valueAxis === 'x' ? 'y' : 'x';
  const colours = seriesColours(chart, theme);
  const draw = DRAWINGS[chart.type];
  const datasets = chart.datasets.map((d, i) => ({
    label: d.label,
    data: d.values,
    ...draw.dataset(colours.datasets[i]!, colours.labels, t),
  }));
  const layout = LAYOUTS[chart.layout ?? 'wide'];
  const font = { family: FONT_FAMILY, size: layout.fontSize };
  const wrap = labelWrap(chart);
  const decades = chart.axis.decades;
  // Values are printed on the chart (at the end of each bar, inside each slice, above the points of a short line)
  // so the image reads without a tooltip.
  const valueLabels = CHART_TYPES[chart.type].valueLabels === 'always' || !chart.stacked;
  const scales = round
    ? undefined
    : {
        [categoryAxis]: {
          stacked: chart.stacked,
          grid: { display: false },
          ticks: { color: t.text, font, maxRotation: 0, minRotation: 0, autoSkip: false },
          border: { color: t.grid },
        },
        [valueAxis!]: {
          type: decades ? 'logarithmic' : 'linear',
          stacked: chart.stacked,
          beginAtZero: !decades && chart.axis.from === undefined,
          ...(decades ? { min: decades[0], max: decades[decades.length - 1] } : {}),
          ...(chart.axis.from !== undefined ? { min: chart.axis.from } : {}),
          // Room for the value labels beyond the end of the longest bar: beside horizontal bars, the axis
          // keeps room at its end as wide as the widest label (attachFormatters measures it); above columns,
          // the layout's top padding holds them. Either way the axis ends at the first round tick at or
          // above the largest value (¥200 bn, not ¥250 bn or ¥300 bn).
          ...(chart.share && chart.stacked ? { max: chart.share.whole } : {}),
          grid: { color: t.grid },
          border: { display: false },
          // A few round ticks (fewer on phones), the same on the image and the live canvas.
          ticks: {
            color: t.muted,
            font,
            maxRotation: 0,
            minRotation: 0,
            ...(!decades ? { maxTicksLimit: layout.ticks } : {}),
          },
        },
      };
  return {
    type: chart.type,
    data: { labels: chart.labels, datasets },
    options: {
      indexAxis: chart.horizontal ? 'y' : 'x',
      responsive: false,
      animation: false,
      maintainAspectRatio: false,
      color: t.text,
      font,
      layout: {
        padding: {
          top: valueLabels && !round && !chart.horizontal ? 12 + layout.pad : layout.pad,
          right: layout.pad,
          bottom: layout.pad,
          left: layout.pad,
        },
      },
      ...(scales ? { scales } : {}),
      // The live chart's tooltip: along a line, anywhere on the pointer's x; elsewhere, the mark under the pointer.
      interaction:
        CHART_TYPES[chart.type].pointer === 'x'
          ? { mode: 'index', intersect: false }
          : { mode: 'nearest', intersect: true },
      plugins: {
        // The title, legend and tooltip are HTML around the chart (same on the image and the live canvas).
        legend: { display: false },
        title: { display: false },
      },
    },
    aif: {
      format: chart.format,
      theme,
      valueAxis,
      ...(decades ? { decades } : {}),
      ...(valueLabels ? { valueLabels } : {}),
      ...(chart.axis.truncated ? { truncated: true } : {}),
      ...(wrap ? { wrap } : {}),
    },
  };
}

/** Colours per dataset and per label: the Okabe–Ito series, grey for the automatic "Other" remainder. */
export function seriesColours(
  chart: Pick<ResolvedChart, 'labels' | 'datasets' | 'share'>,
  theme: Theme,
): { datasets: string[]; labels: string[] } {
  const t = THEMES[theme];
  const r = chart.share?.remainder;
  const pick = (i: number, kind: 'label' | 'dataset') =>
    r && r.kind === kind && r.index === i ? t.other : t.series[i % t.series.length]!;
  return {
    datasets: chart.datasets.map((_, i) => pick(i, 'dataset')),
    labels: chart.labels.map((_, i) => pick(i, 'label')),
  };
}

type Palette = (typeof THEMES)[Theme];
/** A drawn value: a bar, a point or a slice (chart.js elements). */
type Mark = { x: number; y: number; base?: number };

/**
 * How one chart type is drawn: its chart.js dataset (colours and strokes) and where the value label of
 * each mark goes. With the table (chart-types.ts) and its chart.js parts (chart-js.ts), all a new type needs.
 */
interface TypeDrawing {
  dataset(colour: string, labelColours: string[], t: Palette): Record<string, unknown>;
  valueLabel(
    ctx: CanvasRenderingContext2D,
    mark: Mark,
    text: string,
    at: { value: number; index: number; last: number; horizontal: boolean; theme: Palette },
  ): void;
}

const bars: TypeDrawing = {
  dataset: (colour) => ({ backgroundColor: colour, borderColor: colour, borderWidth: 0, maxBarThickness: 64 }),
  // At the end of each bar, outside it (below the axis for a negative value).
  valueLabel(ctx, bar, text, { value: v, horizontal }) {
    if (horizontal) {
      ctx.textAlign = v < 0 ? 'right' : 'left';
      ctx.textBaseline = 'middle';
      ctx.fillText(text, bar.x + (v < 0 ? -VALUE_LABEL_GAP : VALUE_LABEL_GAP), bar.y);
    } else {
      ctx.textAlign = 'center';
      ctx.textBaseline = v < 0 ? 'top' : 'bottom';
      ctx.fillText(text, bar.x, bar.y + (v < 0 ? 6 : -6));
    }
  },
};

const lines: TypeDrawing = {
  dataset: (colour) => ({
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: 3,
    pointRadius: 5,
    pointHoverRadius: 7,
    tension: 0,
  }),
  // Every point of a short line, else its two ends; aligned inwards at the edges.
  valueLabel(ctx, point, text, { index: j, last }) {
    if (last > 5 && j !== 0 && j !== last) return;
    ctx.textAlign = j === 0 && last > 0 ? 'left' : j === last && last > 0 ? 'right' : 'center';
    ctx.textBaseline = 'bottom';
    ctx.fillText(text, point.x, point.y - 10);
  },
};

const slices: TypeDrawing = {
  // Each slice in its label's colour, parted by strokes of the page colour.
  dataset: (_colour, labelColours, t) => ({
    backgroundColor: labelColours,
    borderColor: t.background,
    borderWidth: 2,
  }),
  // Inside the slice, in the page colour, when the slice has room for it.
  valueLabel(ctx, mark, text, { theme: t }) {
    const arc = mark as unknown as {
      startAngle: number;
      endAngle: number;
      tooltipPosition(final: boolean): { x: number; y: number };
    };
    if (arc.endAngle - arc.startAngle < 0.35) return;
    const p = arc.tooltipPosition(true);
    ctx.fillStyle = t.background;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(text, p.x, p.y);
  },
};

/** Each chart type's drawing (the compiler asks for one when chart-types.ts gains a type). */
const DRAWINGS: Record<ChartType, TypeDrawing> = { bar: bars, line: lines, doughnut: slices, pie: slices };

interface ScaleLike {
  ticks: Array<{ value: number }>;
}
/** What an axis's afterFit reads and sets: the room kept beyond its ends. */
interface FitScale {
  ctx: CanvasRenderingContext2D;
  paddingRight: number;
}
/** Between the end of a bar and its value label, in CSS px. */
const VALUE_LABEL_GAP = 6;
interface ChartLike {
  ctx: CanvasRenderingContext2D;
  chartArea: { left: number; right: number; top: number; bottom: number };
  data: { datasets: Array<{ data: unknown[] }> };
  options: { indexAxis?: string };
  getDatasetMeta(i: number): { data: Array<{ x: number; y: number; base?: number }>; hidden?: boolean };
}

/**
 * Add what a JSON config cannot carry: tick formatters, the decade ticks of
 * a log axis, value labels at the ends of bars and the break on a truncated
 * axis. Used by the static renderer and the browser alike.
 */
export function attachFormatters<C extends ChartConfig>(config: C): C {
  // Axis ticks and value labels leave out the rate ("per 1,000 tokens"): the subtitle above the chart carries it.
  const format = makeValueFormatter({ ...config.aif.format, per: undefined });
  const options = config.options as {
    scales?: Record<
      string,
      { ticks?: Record<string, unknown>; afterBuildTicks?: (s: ScaleLike) => void; afterFit?: (s: FitScale) => void }
    >;
  };
  const axis = config.aif.valueAxis;
  const decades = config.aif.decades;
  if (axis && options.scales?.[axis]?.ticks) {
    options.scales[axis].ticks.callback = (value: number | string) => format(Number(value));
    // A log axis shows its decades only: every gridline is labelled and ten times the one below.
    if (decades)
      options.scales[axis].afterBuildTicks = (scale: ScaleLike) =>
        void (scale.ticks = decades.map((value) => ({ value })));
  }
  const font = (config.options.font as { family: string; size: number } | undefined) ?? {
    family: FONT_FAMILY,
    size: FONT_SIZE,
  };
  const valueFont = `600 ${font.size}px ${font.family}`;
  if (axis === 'x' && config.aif.valueLabels && options.scales?.x && config.options.indexAxis === 'y') {
    // Beside horizontal bars, a bar may end at the axis's end: the axis keeps room there for the widest
    // value label and its gap, as chart.js keeps room for an end tick's label (a fixed share of the axis
    // clipped "¥85 bn" at the card's edge on a phone-width drawing).
    const texts = config.data.datasets.flatMap((d) => (d.data as unknown[]).map((v) => format(Number(v))));
    options.scales.x.afterFit = (scale: FitScale) => {
      scale.ctx.save();
      scale.ctx.font = valueFont;
      const widest = Math.max(0, ...texts.map((text) => scale.ctx.measureText(text).width));
      scale.ctx.restore();
      scale.paddingRight = Math.max(scale.paddingRight, Math.ceil(widest) + VALUE_LABEL_GAP);
    };
  }
  const categoryAxis = axis === 'x' ? 'y' : 'x';
  const wrap = config.aif.wrap;
  if (axis && wrap && options.scales?.[categoryAxis]?.ticks) {
    const labels = config.data.labels;
    options.scales[categoryAxis].ticks.callback = (_value: number | string, index: number) => {
      const lines = wrapLabel(String(labels[index] ?? ''), wrap);
      return lines.length > 1 ? lines : lines[0];
    };
  }
  const t = THEMES[config.aif.theme];
  const draw = DRAWINGS[config.type];
  const plugins: Array<Record<string, unknown>> = [];
  if (config.aif.valueLabels) {
    plugins.push({
      id: 'aifValueLabels',
      afterDatasetsDraw(chart: ChartLike) {
        const { ctx } = chart;
        const horizontal = chart.options.indexAxis === 'y';
        ctx.save();
        ctx.font = valueFont;
        ctx.fillStyle = t.text;
        chart.data.datasets.forEach((d, i) => {
          const meta = chart.getDatasetMeta(i);
          if (meta.hidden) return;
          const last = meta.data.length - 1;
          meta.data.forEach((element, index) => {
            const value = Number(d.data[index]);
            draw.valueLabel(ctx, element, format(value), { value, index, last, horizontal, theme: t });
          });
        });
        ctx.restore();
      },
    });
  }
  if (config.aif.truncated) {
    plugins.push({
      id: 'aifAxisBreak',
      afterDatasetsDraw(chart: ChartLike) {
        // Two slanted strokes across the bars' base, on a band of page colour: the axis is cut here.
        const { ctx, chartArea: a } = chart;
        const horizontal = chart.options.indexAxis === 'y';
        ctx.save();
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = t.muted;
        ctx.fillStyle = t.background;
        if (horizontal) {
          const x = a.left + 10;
          ctx.fillRect(x - 3, a.top, 6, a.bottom - a.top);
          for (const dx of [-3, 3]) {
            ctx.beginPath();
            for (let y = a.top; y <= a.bottom; y += 8) ctx.lineTo(x + dx + (((y - a.top) / 8) % 2) * 4 - 2, y);
            ctx.stroke();
          }
        } else {
          const y = a.bottom - 10;
          ctx.fillRect(a.left, y - 3, a.right - a.left, 6);
          for (const dy of [-3, 3]) {
            ctx.beginPath();
            for (let x = a.left; x <= a.right; x += 8) ctx.lineTo(x, y + dy + (((x - a.left) / 8) % 2) * 4 - 2);
            ctx.stroke();
          }
        }
        ctx.restore();
      },
    });
  }
  if (plugins.length > 0) (config as C & { plugins?: unknown[] }).plugins = plugins;
  return config;
}

type Layout = Pick<ResolvedChart, 'type' | 'horizontal' | 'labels' | 'layout'>;

/**
 * Characters a line of a category label holds, from the room it has: a third of the width beside
 * horizontal bars, a share of it under columns (labels wrap, they never rotate). None on a pie.
 */
function labelWrap(chart: Layout): number | undefined {
  if (isRound(chart.type)) return undefined;
  const { width, fontSize } = LAYOUTS[chart.layout ?? 'wide'];
  const room = chart.horizontal ? width / 3 : (width - 60) / Math.max(1, chart.labels.length);
  return Math.max(6, Math.floor(room / (fontSize * CHAR_WIDTH)));
}

/** A category label's height in its layout: chart.js sets its lines 1.2 font sizes apart. */
function labelHeight(chart: Layout, label: string): number {
  return wrapLabel(label, labelWrap(chart)!).length * LAYOUTS[chart.layout ?? 'wide'].fontSize * 1.2;
}

/**
 * The height of each bar's band beside horizontal bars: the layout's least, or more when the tallest
 * label needs it (chart.js centres a label on its bar), so a label never runs into the next one.
 */
function bandHeight(chart: Layout): number {
  const tallest = Math.max(0, ...chart.labels.map((l) => labelHeight(chart, l)));
  return Math.max(LAYOUTS[chart.layout ?? 'wide'].band, Math.ceil(tallest + 8));
}

/**
 * What chart.js takes from the bands beside horizontal bars: it pads the category axis at the top by half
 * the first label's height and at the bottom by half the last's, so a label wrapped to seven lines took
 * 63 px from the bands and ran into the next label. The chart is that much taller instead.
 */
function axisEnds(chart: Layout): number {
  const [first, last] = [chart.labels[0], chart.labels.at(-1)];
  if (first === undefined || last === undefined) return 0;
  return Math.ceil((labelHeight(chart, first) + labelHeight(chart, last)) / 2);
}

/** Logical (CSS) size of a chart in its layout. */
export function chartSize(chart: Layout): { width: number; height: number } {
  const layout = LAYOUTS[chart.layout ?? 'wide'];
  const { width } = layout;
  if (isRound(chart.type)) return { width, height: layout.roundHeight };
  if (chart.horizontal)
    return {
      width,
      height: Math.max(
        layout.barsMinHeight,
        layout.barsBase + chart.labels.length * bandHeight(chart) + axisEnds(chart),
      ),
    };
  return { width, height: layout.height };
}
