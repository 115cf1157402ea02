import type { ActiveElement } from 'chart.js';
import { Chart } from '../lib/charts/chart-js.ts';
import { attachFormatters, PAGE_LAYOUTS, smallChart, toChartConfig, type ChartDrawing } from '../lib/charts/config.ts';
import { makeValueFormatter } from '../lib/figures/format.ts';
import type { WebFontFace } from '../lib/fonts/web-font.ts';

const dark = window.matchMedia('(prefers-color-scheme: dark)');
/** The theme toggle (public/site.js) keeps the effective theme in <html data-theme> and fires `themechange`. */
const isDark = () => (document.documentElement.dataset.theme ?? (dark.matches ? 'dark' : 'light')) === 'dark';
/** The page's width ranges for the phone layouts, narrowest first (the static image's <source media>). */
const ranges = PAGE_LAYOUTS.map(({ layout, media }) => ({ layout, query: window.matchMedia(media) }));

interface ChartData {
  /** The chart's data and layout (config.ts: ChartDrawing), as the static images were drawn from it. */
  drawing: ChartDrawing;
  fonts?: WebFontFace[];
}

/** The live chart's config: the layout of the viewport's width range and the theme shown, as the static image draws it. */
function configOf(drawing: ChartDrawing) {
  const layout = ranges.find((r) => r.query.matches)?.layout;
  return toChartConfig(layout ? smallChart(drawing, layout) : drawing, isDark() ? 'dark' : 'light');
}

const added = new Set<string>();
/** Add the chart font's faces (once per page) and wait for them; a font that fails leaves the fallback. */
function loadFonts(faces: WebFontFace[]): Promise<unknown> {
  if (!('FontFace' in window)) return Promise.resolve();
  return Promise.all(
    faces.map((f) => {
      if (added.has(f.url)) return document.fonts.ready;
      added.add(f.url);
      const face = new FontFace('AIF Sans', `url(${f.url}) format('woff2')`, {
        weight: String(f.weight),
        ...(f.unicodeRange ? { unicodeRange: f.unicodeRange } : {}),
      });
      document.fonts.add(face);
      return face.load().catch(() => undefined);
    }),
  );
}

/** Draw one figure's chart on a canvas over its static image; redraw when the colour scheme or width changes. */
export function drawChart(figure: HTMLElement): void {
  const frame = figure.querySelector<HTMLElement>('.chart__frame');
  const json = figure.querySelector('script[data-chart-config]')?.textContent;
  const img = frame?.querySelector('img');
  const readout = figure.querySelector<HTMLElement>('.chart__readout');
  const tooltip = figure.querySelector<HTMLElement>('.chart__tooltip');
  if (!frame || !json || !img) return;
  const { drawing, fonts } = JSON.parse(json) as ChartData;
  const format = makeValueFormatter(drawing.format, 'long');
  const canvas = document.createElement('canvas');
  canvas.className = 'chart__canvas';
  canvas.setAttribute('role', 'img');
  canvas.tabIndex = 0;
  canvas.setAttribute('aria-label', `${img.alt} Use the arrow keys to read each value.`);
  frame.append(canvas);
  let chart: Chart | undefined;
  // Points in reading order: by category, then by dataset.
  const labels = drawing.labels;
  const sets = drawing.datasets;
  const points = labels.flatMap((_, index) => sets.map((_d, datasetIndex) => ({ datasetIndex, index })));
  let current = -1;

  const text = (datasetIndex: number, index: number) => {
    const d = sets[datasetIndex]!;
    const name = sets.length > 1 ? `${d.label}, ${labels[index]}` : labels[index];
    return `${name}: ${format(d.values[index]!)}`;
  };
  /**
   * The tooltip hangs below the mark it reads (a bar's end, a point, a slice's centre), clear of the
   * value label drawn above or beside it; above the label when there is no room below.
   */
  const place = (content: string, { x, y }: { x: number; y: number }) => {
    if (!tooltip) return;
    tooltip.textContent = content;
    tooltip.hidden = false;
    const w = frame.clientWidth;
    const h = tooltip.offsetHeight;
    const left = x + 14 + tooltip.offsetWidth > w ? Math.max(0, x - 14 - tooltip.offsetWidth) : x + 14;
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${y + 12 + h > frame.clientHeight ? Math.max(0, y - h - 26) : y + 12}px`;
  };
  const anchor = (datasetIndex: number, index: number) =>
    (
      chart!.getDatasetMeta(datasetIndex).data[index] as unknown as {
        tooltipPosition(final: boolean): { x: number; y: number };
      }
    ).tooltipPosition(true);
  const hide = () => {
    if (tooltip) tooltip.hidden = true;
  };
  const focusPoint = (i: number) => {
    if (!chart || points.length === 0) return;
    current = (i + points.length) % points.length;
    const p = points[current]!;
    chart.setActiveElements([p]);
    chart.update();
    const t = text(p.datasetIndex, p.index);
    place(t, anchor(p.datasetIndex, p.index));
    if (readout) readout.textContent = t;
  };

  const draw = () => {
    chart?.destroy();
    const config = attachFormatters(configOf(drawing));
    const plugins = { ...(config.options.plugins as object), tooltip: { enabled: false } };
    chart = new Chart(canvas, {
      type: config.type,
      data: config.data,
      plugins: (config as { plugins?: unknown[] }).plugins ?? [],
      options: {
        ...config.options,
        plugins,
        responsive: true,
        maintainAspectRatio: false,
        // A line reads every dataset at the pointer's x (config.ts: the type's `pointer`); other charts the mark under it.
        onHover: (_e: unknown, els: ActiveElement[]) => {
          const hit = els[0];
          if (!hit) return hide();
          place(els.map((el) => text(el.datasetIndex, el.index)).join('; '), anchor(hit.datasetIndex, hit.index));
        },
        onClick: (_e: unknown, els: ActiveElement[]) => {
          const hit = els[0];
          if (hit && readout) readout.textContent = text(hit.datasetIndex, hit.index);
        },
      },
    } as never);
    figure.dataset.chartLive = 'drawn';
  };

  canvas.addEventListener('keydown', (e) => {
    const step: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (e.key in step) focusPoint(current < 0 && step[e.key]! < 0 ? -1 : current + step[e.key]!);
    else if (e.key === 'Home') focusPoint(0);
    else if (e.key === 'End') focusPoint(points.length - 1);
    else if (e.key === 'Escape') hide();
    else return;
    e.preventDefault();
  });
  canvas.addEventListener('blur', () => {
    hide();
    chart?.setActiveElements([]);
    chart?.update();
  });
  canvas.addEventListener('pointerleave', hide);

  // The static image is drawn with the shipped chart font; load the same font before drawing.
  void loadFonts(fonts ?? []).then(() => {
    draw();
    offerPng(figure);
    document.addEventListener('themechange', draw);
    for (const r of ranges) r.query.addEventListener('change', draw);
  });
}

/**
 * The "PNG" button (shown once the live chart is drawn): the SVG download, the chart with its
 * title, subtitle, source and site around it, drawn at twice its size (or the screen's density)
 * and saved. The build draws no PNG for pages; both downloads come from the one file.
 */
function offerPng(figure: HTMLElement): void {
  const button = figure.querySelector<HTMLButtonElement>('[data-chart-png]');
  const svg = figure.querySelector<HTMLAnchorElement>('[data-chart-svg]');
  if (!button || !svg || button.dataset.ready) return;
  button.dataset.ready = '';
  button.addEventListener('click', () => {
    const img = new Image();
    img.src = svg.href;
    void img.decode().then(() => {
      const scale = Math.max(2, window.devicePixelRatio);
      const out = document.createElement('canvas');
      out.width = img.naturalWidth * scale;
      out.height = img.naturalHeight * scale;
      out.getContext('2d')?.drawImage(img, 0, 0, out.width, out.height);
      const link = document.createElement('a');
      link.href = out.toDataURL('image/png');
      link.download = button.dataset.filename ?? 'chart.png';
      link.click();
    });
  });
}
