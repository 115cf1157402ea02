/**
 * Progressive enhancement for <Chart>: the static image is already on the
 * page; when a chart nears the viewport, chart.js (only the parts the site
 * uses) is loaded and draws the same config on a canvas laid exactly over
 * the image, so nothing moves. The config is JSON data, never inline code.
 */
export function enhanceCharts(): void {
  const figures = [...document.querySelectorAll<HTMLElement>('[data-chart]:not([data-chart-live])')];
  if (figures.length === 0) return;
  figures.forEach(copyLink);
  const start = (figure: HTMLElement) => {
    figure.dataset.chartLive = 'loading';
    void import('./chart-runtime.ts').then(({ drawChart }) => drawChart(figure));
  };
  if (!('IntersectionObserver' in window)) {
    figures.forEach(start);
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        start(entry.target as HTMLElement);
      }
    },
    { rootMargin: '200px 0px' },
  );
  figures.forEach((f) => observer.observe(f));
}

/** "Link to this chart" (a plain anchor without JavaScript) copies the chart's address. */
function copyLink(figure: HTMLElement): void {
  const link = figure.querySelector<HTMLAnchorElement>('[data-chart-link]');
  if (!link || !navigator.clipboard) return;
  const label = 'Copy link';
  link.textContent = label;
  link.addEventListener('click', (e) => {
    e.preventDefault();
    const url = new URL(link.hash, location.href).href;
    history.replaceState(null, '', link.hash);
    void navigator.clipboard.writeText(url).then(
      () => {
        link.textContent = 'Link copied';
        setTimeout(() => (link.textContent = label), 2000);
      },
      () => (location.hash = link.hash),
    );
  });
}
