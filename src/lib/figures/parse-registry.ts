/**
 * Read one figures file (content/figures/*.yaml) against the registry schema (./schema.ts).
 * Each entry is checked on its own, so one mistake does not hide the others, and every message
 * names the file, the line and the figure.
 */
import type { z } from 'astro/zod';
import { ContentError } from '../errors.ts';
import { readYaml, schemaErrors, type Path, type YamlText } from '../yaml-schema.ts';
import {
  figureDeclSchema,
  registryFileSchema,
  remoteDeclSchema,
  REGISTRY_FIXES,
  seriesDeclSchema,
  sourceSchema,
  type Source,
} from './schema.ts';
import type { FigureDecl, RemoteDecl, Series } from './types.ts';

export interface ParsedFile {
  figures: FigureDecl[];
  series: Series[];
  remotes: RemoteDecl[];
  /** Named sources declared in this file, shared across files. */
  sources: Map<string, Source>;
  /** Every source written in this file (named, or inline in a figure or series), with its line: for warnings about it. */
  declaredSources: Array<{ key: string; source: Source; file: string; line: number }>;
  /**
   * Ids of figures and series (and keys of sources) written in this file whose entry has an error:
   * they exist, so what refers to them is not reported again as "unknown" (one mistake, one message).
   */
  broken: Set<string>;
  brokenSources: Set<string>;
  errors: ContentError[];
}

/**
 * Registry files as parsed YAML, by name and text. A run reads each file several times (its named
 * sources first, then its entries; the content check once more for the committed registry) and the
 * YAML parse is most of a read. Read-only: the schema checks make new values.
 */
const parsedYaml = new Map<string, YamlText>();
const PARSED_YAML_KEPT = 64;

function readRegistryYaml(file: string, text: string): YamlText {
  const key = `${file}\0${text}`;
  let yaml = parsedYaml.get(key);
  if (!yaml) {
    if (parsedYaml.size >= PARSED_YAML_KEPT) parsedYaml.clear();
    yaml = readYaml(file, text);
    parsedYaml.set(key, yaml);
  }
  return yaml;
}

/**
 * Read one registry file. Sources named by key may be declared in any file, so `knownSources`
 * is asked once every file's sources are known.
 */
export function parseRegistryFile(
  file: string,
  text: string,
  knownSources: () => Map<string, Source>,
  knownBroken: () => ReadonlySet<string> = () => new Set(),
): ParsedFile {
  const out: ParsedFile = {
    figures: [],
    series: [],
    remotes: [],
    sources: new Map(),
    declaredSources: [],
    broken: new Set(),
    brokenSources: new Set(),
    errors: [],
  };
  const yaml = readRegistryYaml(file, text);
  out.errors.push(...yaml.errors);
  if (yaml.errors.length > 0 || yaml.value === null || yaml.value === undefined) return out;

  const top = registryFileSchema.safeParse(yaml.value);
  if (!top.success) {
    out.errors.push(
      ...schemaErrors(top.error.issues, {
        file,
        yaml,
        value: yaml.value,
        schema: registryFileSchema,
        fixFor: () => 'See content/figures/README.md for the format.',
      }),
    );
    return out;
  }
  const check = <S extends z.ZodType>(
    schema: S,
    value: unknown,
    at: Path,
    label: (v: unknown) => string,
  ): z.output<S> | undefined => {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    const fieldName = (p: Path) => [label(value), ...p.map(String)].join('.');
    out.errors.push(
      ...schemaErrors(r.error.issues, {
        file,
        yaml,
        at,
        value,
        schema,
        fieldName,
        fixFor: (p) => REGISTRY_FIXES[String(p.at(-1) ?? '')],
      }),
    );
    return undefined;
  };
  const idOf = (v: unknown) => (v && typeof v === 'object' && 'id' in v && typeof v.id === 'string' ? v.id : undefined);
  const entryName = (kind: string, i: number) => (v: unknown) => {
    const id = idOf(v);
    return id !== undefined ? `${kind} ${id}` : `${kind}[${i}]`;
  };
  /** An entry that did not validate: its id is known to be broken, not unknown. */
  const markBroken = (raw: unknown) => {
    const id = idOf(raw);
    if (id !== undefined) out.broken.add(id);
  };

  for (const [key, raw] of Object.entries(top.data.sources ?? {})) {
    const s = check(sourceSchema, raw, ['sources', key], () => `sources.${key}`);
    if (s) {
      out.sources.set(key, s);
      out.declaredSources.push({ key, source: s, file, line: yaml.lineOf(['sources', key]) });
    } else out.brokenSources.add(key);
  }
  const resolve = (ref: string | Source | undefined, at: Path, where: string): Source | undefined => {
    if (ref !== undefined && typeof ref !== 'string')
      out.declaredSources.push({ key: where, source: ref, file, line: yaml.lineOf([...at, 'source']) });
    if (ref === undefined || typeof ref !== 'string') return ref;
    const s = knownSources().get(ref) ?? out.sources.get(ref);
    if (!s && (knownBroken().has(ref) || out.brokenSources.has(ref))) return undefined;
    if (!s) {
      const known = [...new Set([...knownSources().keys(), ...out.sources.keys()])];
      out.errors.push(
        new ContentError({
          file,
          line: yaml.lineOf([...at, 'source']),
          field: `${where}.source`,
          message: `Unknown source "${ref}".`,
          fix: `Declare it under \`sources:\` (in any figures file), or write the source inline as {name, url, date}. Known: ${known.join(', ') || 'none'}.`,
        }),
      );
    }
    return s;
  };
  const line = (y: YamlText, at: Path) => y.lineOf(at);

  (top.data.figures ?? []).forEach((raw, i) => {
    const at = ['figures', i];
    const d = check(figureDeclSchema, raw, at, entryName('figure', i));
    if (!d) return markBroken(raw);
    const source = resolve(d.source, at, `figure ${d.id}`);
    if (d.source !== undefined && !source) return markBroken(raw);
    out.figures.push({
      ...d,
      source,
      ...(top.data.topic ? { topic: top.data.topic } : {}),
      file,
      line: line(yaml, at),
    });
  });
  (top.data.series ?? []).forEach((raw, i) => {
    const at = ['series', i];
    const d = check(seriesDeclSchema, raw, at, entryName('series', i));
    if (!d) return markBroken(raw);
    const source = resolve(d.source, at, `series ${d.id}`);
    if (source) out.series.push({ ...d, source, file, line: line(yaml, at) });
    else markBroken(raw);
  });
  (top.data.remotes ?? []).forEach((raw, i) => {
    const at = ['remotes', i];
    const d = check(remoteDeclSchema, raw, at, entryName('remote', i));
    if (!d) return;
    const source =
      d.source === undefined ? { name: d.id, url: d.url, date: '' } : resolve(d.source, at, `remote ${d.id}`);
    if (source) out.remotes.push({ ...d, source, file, line: line(yaml, at) });
  });
  return out;
}
