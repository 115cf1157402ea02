/**
 * Command-line arguments for the scripts, read with node:util's parseArgs: a misspelt option
 * (`--ofline`) stops with the usage line instead of being ignored.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export function readArgs<O extends Options>(options: O, usage: string) {
  try {
    return parseArgs({ args: process.argv.slice(2), options, allowPositionals: true, strict: true });
  } catch (e) {
    console.error(`✗ ${(e as Error).message}\n${usage}`);
    process.exit(2);
  }
}
