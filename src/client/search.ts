/**
 * The search page's script. Pagefind's index (built after `astro build`)
 * is loaded on first use, so opening the page costs a few kilobytes; results
 * show title, issue and date, and an excerpt with the matched words
 * highlighted. The query stays in the URL (?q=) as you type; `/` focuses the box.
 */
import { resultHtml, type ResultData } from '../lib/site/search-results.ts';
import { withBase } from '../lib/hosting/base-path.ts';

interface PagefindResult {
  data(): Promise<ResultData>;
}
interface Pagefind {
  options(opts: { baseUrl: string }): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] }>;
}

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  // Under the site's base path ("/" or a project site's "/<repo>/"), which results' links carry too.
  // A URL the bundler must not touch: the file exists only after the search index is built.
  const base = import.meta.env.BASE_URL;
  const url = withBase('/pagefind/pagefind.js', base);
  pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (p) => {
    await p.options({ baseUrl: base });
    return p;
  });
  return pagefind;
}

export function startSearch(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  if (!form || !input || !status || !list) return;

  let latest = 0;
  async function run(query: string): Promise<void> {
    const ticket = ++latest;
    const q = query.trim();
    if (!q) {
      list!.innerHTML = '';
      status!.textContent = '';
      return;
    }
    status!.textContent = 'Searching…';
    const { results } = await (await loadPagefind()).search(q);
    const data = await Promise.all(results.slice(0, 20).map((r) => r.data()));
    if (ticket !== latest) return;
    status!.textContent =
      results.length === 0
        ? `No issues match “${q}”.`
        : `${results.length} ${results.length === 1 ? 'issue matches' : 'issues match'} “${q}”.`;
    list!.innerHTML = data.map(resultHtml).join('');
  }

  /** Keep the query in the address, so a search can be shared, reloaded and gone back to. */
  function remember(query: string): void {
    const url = new URL(location.href);
    if (query.trim()) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    remember(input.value);
    void run(input.value);
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      remember(input.value);
      void run(input.value);
    }, 200);
  });
  // "/" jumps to the search box, as on most sites with search, unless the reader is typing somewhere.
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    if (
      event.key !== '/' ||
      event.ctrlKey ||
      event.metaKey ||
      event.altKey ||
      target?.closest('input, textarea, select, [contenteditable]')
    )
      return;
    event.preventDefault();
    input.focus();
    input.select();
  });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    void run(initial);
  }
}
