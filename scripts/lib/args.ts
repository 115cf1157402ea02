/**
 * Command-line arguments for the scripts, read with node:util's parseArgs from one description per
 * command, which also writes its usage: every option with its value and what it does. A misspelt
 * option (`--ofline`), a missing value or a stray argument stops with one line saying what is wrong
 * (and the option meant, when one is close) and that usage, never the parser's own text; `--help`
 * prints the usage.
 */
import { parseArgs } from 'node:util';
import { editDistance, nearest } from '../../src/lib/errors.ts';

export interface OptionSpec {
  type: 'boolean' | 'string';
  /** What the value is, as the usage shows it: `DIR`, `YYYY-MM-DD`. */
  value?: string;
  default?: string;
  /** One line: what the option does. */
  help: string;
}

export interface CommandSpec<O extends Record<string, OptionSpec>> {
  /** How the command is typed: `npm run email --`. */
  command: string;
  /** Its operands as the usage shows them (`<article slug or file>…`); none when absent. */
  operands?: string;
  options: O;
}

type Values<O extends Record<string, OptionSpec>> = {
  [K in keyof O]: O[K]['type'] extends 'boolean'
    ? boolean | undefined
    : O[K]['default'] extends string
      ? string
      : string | undefined;
};

/** The usage text: the command line with every option, then one line per option. */
export function usage<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>): string {
  const flag = (name: string, o: OptionSpec) => `--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
  const entries = Object.entries(spec.options);
  const line = [`Usage: ${spec.command}`, spec.operands, ...entries.map(([n, o]) => `[${flag(n, o)}]`)]
    .filter(Boolean)
    .join(' ');
  const width = Math.max(0, ...entries.map(([n, o]) => flag(n, o).length));
  return [
    line,
    ...entries.map(
      ([n, o]) => `  ${flag(n, o).padEnd(width)}  ${o.help}${o.default ? ` (default: ${o.default})` : ''}`,
    ),
  ].join('\n');
}

/** What is wrong with the arguments, in one line, or undefined when parseArgs's error is not about them. */
export function argumentProblem(error: unknown, known: readonly string[], operands: boolean): string | undefined {
  const e = error as { code?: string; message?: string };
  const message = e.message ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const option = /option '([^']+)'/i.exec(message)?.[1] ?? message;
      const bare = option.replace(/^-+/, '').split('=')[0]!;
      const guess = nearest(bare, known, 1).find(
        (k) => editDistance(k, bare) <= Math.max(2, Math.floor(bare.length / 3)),
      );
      return `Unknown option ${option}.${guess ? ` Did you mean --${guess}?` : ''}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const option = /option '(-[^ ']+)/i.exec(message)?.[1] ?? '';
      return /argument missing/i.test(message) ? `${option} needs a value after it.` : `${option} takes no value.`;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const arg = /argument '([^']*)'/i.exec(message)?.[1] ?? '';
      return operands
        ? `Unexpected argument "${arg}".`
        : `Unexpected argument "${arg}": this command takes options only.`;
    }
    default:
      return undefined;
  }
}

/**
 * Parse `argv` (the script's own arguments by default) against the command's options. On a mistake,
 * print it with the usage and exit 2; on --help (or -h), print the usage and exit 0.
 */
export function readArgs<O extends Record<string, OptionSpec>>(
  spec: CommandSpec<O>,
  argv: string[] = process.argv.slice(2),
): { values: Values<O>; positionals: string[] } {
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, o]) => [
      name,
      { type: o.type, ...(o.default ? { default: o.default } : {}) },
    ]),
  );
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage(spec));
    process.exit(0);
  }
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals: spec.operands !== undefined, strict: true });
    return { values: parsed.values as Values<O>, positionals: parsed.positionals };
  } catch (error) {
    const problem = argumentProblem(error, Object.keys(spec.options), spec.operands !== undefined);
    if (problem === undefined) throw error;
    console.error(`✗ ${problem}\n${usage(spec)}`);
    process.exit(2);
  }
}
