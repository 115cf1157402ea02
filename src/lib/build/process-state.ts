/**
 * State one build shares across module copies. Astro bundles pages and loads integrations as
 * separate module instances in the same process, so a plain module-level variable would exist
 * once per copy: the image pool, the scheduled writes, the build's counts and the cards already
 * counted each live here instead, one object per name for the whole process.
 */
const STORE = Symbol.for('ai-frontier.process-state');

type Store = Map<string, unknown>;

function store(): Store {
  const holder = globalThis as { [STORE]?: Store };
  return (holder[STORE] ??= new Map<string, unknown>());
}

/** The process-wide value named `name`, made by `init` on first use. */
export function processState<T>(name: string, init: () => T): T {
  const s = store();
  if (!s.has(name)) s.set(name, init());
  return s.get(name) as T;
}

/** Forget every value (tests start each scenario afresh; a build never calls this). */
export function resetProcessState(): void {
  store().clear();
}
