/**
 * The search page's only script. Pagefind's index (built after `astro build`)
 * is loaded on first use, so opening the page costs a few kilobytes; results
 * show title, dek and an excerpt with the matched words highlighted.
 */
interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string; dek?: string } }>;
}
interface Pagefind {
  search(query: string): Promise<{ results: PagefindResult[] }>;
}

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  // A URL the bundler must not touch: the file exists only after the search index is built.
  const url = '/pagefind/pagefind.js';
  pagefind ??= import(/* @vite-ignore */ url) as Promise<Pagefind>;
  return pagefind;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Pagefind's excerpt is HTML with <mark> around matches; keep only those marks. */
function safeExcerpt(html: string): string {
  return escape(html.replace(/<mark>/g, '\uE000').replace(/<\/mark>/g, '\uE001').replace(/<[^>]*>/g, ''))
    .replace(/\uE000/g, '<mark>')
    .replace(/\uE001/g, '</mark>');
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
    status!.textContent = results.length === 0 ? `No issues match “${q}”.` : `${results.length} ${results.length === 1 ? 'issue matches' : 'issues match'} “${q}”.`;
    list!.innerHTML = data
      .map((d) => `<li><h2><a href="${escape(d.url)}">${escape(d.meta.title ?? d.url)}</a></h2>${d.meta.dek ? `<p class="dek">${escape(d.meta.dek)}</p>` : ''}<p>${safeExcerpt(d.excerpt)}</p></li>`)
      .join('');
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('q', input.value);
    history.replaceState(null, '', url);
    void run(input.value);
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), 200);
  });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    void run(initial);
  }
}
