/**
 * A Vitest reporter that ends each run with its ten slowest test files (setup, import and tests
 * together), so a file that makes `npm test` slower shows up in the run that made it so.
 */
import type { Reporter, TestModule } from 'vitest/node';

export interface FileTime {
  file: string;
  project: string;
  ms: number;
}

/** The `count` slowest files, slowest first. */
export function slowest(times: readonly FileTime[], count = 10): FileTime[] {
  return [...times].sort((a, b) => b.ms - a.ms).slice(0, count);
}

/** The lines the reporter prints. */
export function slowestLines(times: readonly FileTime[], count = 10): string[] {
  const top = slowest(times, count);
  if (top.length === 0) return [];
  const width = Math.max(...top.map((t) => (t.ms / 1000).toFixed(1).length));
  return [
    `Slowest ${top.length} test files:`,
    ...top.map((t) => `  ${(t.ms / 1000).toFixed(1).padStart(width)} s  ${t.file} (${t.project})`),
  ];
}

export default class SlowestFiles implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const times = modules.map((m) => {
      const d = m.diagnostic();
      return {
        file: m.relativeModuleId,
        project: m.project.name,
        ms: d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration,
      };
    });
    const lines = slowestLines(times);
    if (lines.length > 0) process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}
