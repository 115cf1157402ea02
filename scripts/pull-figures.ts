/**
 * `npm run figures`: read the figures registry (content/figures/ plus any
 * remote sources it declares), validate everything, compute derived
 * figures, check them against what sources stated, and only then write
 * src/generated/figures.json and src/generated/figure-ids.ts (atomically; unchanged
 * files are not rewritten). Any error leaves the previous files as they were.
 *
 * Flags: --offline (use the last pulled copy of remote sources),
 *        --strict (stated-vs-computed discrepancies are errors),
 *        --watch (re-run when content/figures/ changes),
 *        --summary (registry warnings as one line, for the dev server and the build),
 *        --dir DIR, --out DIR (registry and output folders, for tests).
 */
import { existsSync, mkdirSync, readFileSync, watch } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../src/lib/build/atomic-write.ts';
import { isContentError } from '../src/lib/errors.ts';
import { buildRegistry, declaredRemotes } from '../src/lib/figures/registry.ts';
import { readRegistryFiles } from '../src/lib/inputs/registry-files.ts';
import { fetchRemote } from '../src/lib/figures/remote.ts';
import { generatedFiles } from '../src/lib/figures/generated.ts';
import { isStale, reviewDate } from '../src/lib/figures/staleness.ts';
import { readArgs } from './lib/args.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = readArgs({
  command: 'npm run figures --',
  options: {
    offline: { type: 'boolean', help: 'use the last pulled copy of remote sources' },
    strict: { type: 'boolean', help: 'stated-vs-computed differences are errors' },
    watch: { type: 'boolean', help: 'run again whenever content/figures/ changes' },
    summary: { type: 'boolean', help: 'registry warnings as one line (the dev server and the build)' },
    dir: { type: 'string', value: 'DIR', default: 'content/figures', help: 'the registry folder' },
    out: { type: 'string', value: 'DIR', default: 'src/generated', help: 'where the figure data is written' },
  },
});
const dir = resolve(root, opts.dir);
const out = resolve(root, opts.out);
const cacheDir = join(out, 'remote-cache');

async function pull(): Promise<boolean> {
  const input = readRegistryFiles(dir, root);
  const payloads = new Map<string, string>();
  const fetched: Array<{ path: string; data: string }> = [];
  for (const remote of declaredRemotes(input)) {
    const cached = join(cacheDir, `${remote.id}.${remote.format}`);
    if (opts.offline === true) {
      if (existsSync(cached)) payloads.set(remote.id, readFileSync(cached, 'utf8'));
      continue;
    }
    try {
      const data = await fetchRemote(remote);
      payloads.set(remote.id, data);
      fetched.push({ path: cached, data });
    } catch (e) {
      if (!isContentError(e)) throw e;
      console.error(`✗ ${e.message}\n\nNothing was written; ${relative(out)}/ keeps the last good data.`);
      return false;
    }
  }

  const result = buildRegistry(input, payloads);
  const strictFail = opts.strict === true && result.discrepancies.length > 0;
  if (!result.registry || strictFail) {
    for (const e of result.errors) console.error(`✗ ${e.message}\n`);
    if (strictFail) for (const d of result.discrepancies) console.error(`✗ ${d.message}\n`);
    console.error(
      `${result.errors.length + (strictFail ? result.discrepancies.length : 0)} error(s) in the figures registry. Nothing was written; ${relative(out)}/ keeps the last good data.`,
    );
    return false;
  }

  // Everything validated: now write, remote copies first, generated files last.
  mkdirSync(out, { recursive: true });
  for (const f of fetched) writeIfChanged(f.path, f.data);
  const files = generatedFiles(result.registry);
  const changed = [
    writeIfChanged(join(out, 'figures.json'), files.json),
    writeIfChanged(join(out, 'figure-ids.ts'), files.ids),
  ].some(Boolean);

  const s = result.stats;
  console.log(
    `✓ Figures: ${s.figures} figures (${s.derived} derived), ${s.series} series, ${s.sources} sources, ${s.remotes} remote${changed ? '' : ' — unchanged'}`,
  );
  // Registry warnings go to whoever keeps the registry: in full here; one line under --summary (dev server, build).
  const now = process.env.BUILD_DATE ? new Date(process.env.BUILD_DATE) : new Date();
  const stale = Object.values(result.registry.figures).filter((x) => isStale(x, now));
  if (opts.summary === true) {
    const count = result.discrepancies.length + stale.length + result.warnings.length;
    if (count > 0)
      console.log(
        `⚠ ${count} registry warning(s) (stated vs computed, due for review${result.warnings.some((w) => w.rule === 'source-home-page') ? ', home-page sources' : ''}${result.warnings.some((w) => w.rule === 'http-source') ? ', http sources' : ''}); npm run figures lists them.`,
      );
  } else {
    for (const d of result.discrepancies) console.log(`⚠ ${d.message}`);
    for (const w of result.warnings) console.log(`⚠ ${w.file}:${w.line}: ${w.message}\n  Fix: ${w.fix}`);
    for (const f of stale) {
      console.log(
        `⚠ ${f.file}:${f.line}: Figure "${f.id}" was due for review on ${reviewDate(f).toISOString().slice(0, 10)}.\n  Fix: Check the source for a newer number: record it as a revision (revisions: [{date, from, to, reason}]) or set a later reviewBy.`,
      );
    }
  }
  return true;
}

function writeIfChanged(path: string, data: string): boolean {
  if (existsSync(path) && readFileSync(path, 'utf8') === data) return false;
  writeFileAtomic(path, data);
  return true;
}

function relative(p: string): string {
  return p.startsWith(root) ? p.slice(root.length + 1) : p;
}

const ok = await pull();
if (opts.watch === true) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(dir, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void pull(), 100);
  });
  console.log(`Watching ${relative(dir)}/ for changes…`);
} else if (!ok) {
  process.exit(1);
}
