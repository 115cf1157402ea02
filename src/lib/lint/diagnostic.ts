import { formatLocation } from '../errors.ts';

export type Severity = 'error' | 'warning' | 'info';

/** One finding of the content linter. */
export interface Diagnostic {
  severity: Severity;
  /** Short rule name, e.g. `unknown-figure`. */
  rule: string;
  file: string;
  line?: number;
  column?: number;
  message: string;
  fix?: string;
  /** The plain http address a warning is about: `npm run check` asks whether it answers over https. */
  httpUrl?: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${formatLocation(d.file, d.line, d.column)}: ${d.message}${d.fix ? `\n  Fix: ${d.fix}` : ''}  [${d.rule}]`;
}
