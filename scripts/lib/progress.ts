/**
 * Runs the steps of a long command (build, bench) as child processes and
 * shows what is happening: on a terminal a live line (step, elapsed time,
 * pages so far and rate) redrawn in place; elsewhere (pipes, CI) one plain
 * line per finished step with its time, plus a line every 30 s during long
 * steps so logs show the build is alive. Output of a step is passed on with
 * stack traces removed, as before.
 */
import { spawn } from 'node:child_process';
import { withoutStackTraces } from '../../src/lib/errors.ts';
import { formatSeconds, liveLine, stripAnsi, summaryLines, type StepReport } from './progress-format.ts';
import type { Reaper } from './reaper.ts';

export interface StepOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /**
   * Reads each line of the step's stdout; returns the live detail to show
   * (e.g. "120 pages (9.1/s)"). With a watcher the step's stdout is not
   * echoed, except lines for which `echo` returns true; without one it is
   * echoed when the step ends.
   */
  watch?: (line: string, elapsedMs: number) => string | undefined;
  echo?: (line: string) => boolean;
  /** Stops the step (its process is killed) when aborted. */
  signal?: AbortSignal;
  /** No live line or heartbeat: for a step that runs beside another one that shows progress. */
  quiet?: boolean;
  /** Stops the step if this process dies first (reaper.ts). */
  reaper?: Reaper;
}

export interface StepResult {
  status: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export class Progress {
  readonly live: boolean;
  readonly steps: StepReport[] = [];
  private readonly started = performance.now();
  private shown = false;
  private readonly out: NodeJS.WriteStream;

  constructor(out: NodeJS.WriteStream = process.stdout) {
    this.out = out;
    this.live = Boolean(out.isTTY) && !process.env.CI;
  }

  /** Print a line above the live line. */
  say(text: string): void {
    this.clear();
    this.out.write(`${text}\n`);
  }

  private clear(): void {
    if (this.shown) this.out.write('\r\u001b[K');
    this.shown = false;
  }

  private draw(text: string): void {
    const width = this.out.columns > 20 ? this.out.columns - 1 : 160;
    this.out.write(`\r\u001b[K${text.slice(0, width)}`);
    this.shown = true;
  }

  /** Run one step to the end, showing its progress. */
  run(name: string, command: string, args: string[], opts: StepOptions): Promise<StepResult> {
    const start = performance.now();
    let detail: string | undefined;
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: opts.signal,
      ...opts.reaper?.spawnOptions,
    });
    opts.reaper?.watch(child);
    // An aborted step ends through 'close' with a signal, like any killed process.
    child.on('error', (error) => {
      if (error.name !== 'AbortError') stderr.push(String(error));
    });
    const stdout: string[] = [];
    const stderr: string[] = [];
    let partial = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout.push(chunk);
      if (!opts.watch) return;
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        detail = opts.watch(line, performance.now() - start) ?? detail;
        if (opts.echo?.(line)) this.say(withoutStackTraces(line));
      }
    });
    child.stderr.on('data', (chunk: string) => stderr.push(chunk));
    const tick = () => {
      const elapsed = performance.now() - start;
      if (this.live) this.draw(liveLine(name, elapsed, detail));
      else this.out.write(`${liveLine(name, elapsed, detail)}\n`);
    };
    const timer = setInterval(opts.quiet ? () => undefined : tick, this.live ? 250 : 30_000);
    if (this.live && !opts.quiet) tick();
    return new Promise((resolve) => {
      child.on('close', (code, signal) => {
        clearInterval(timer);
        if (opts.signal?.aborted) {
          // Stopped because another step failed: that step reports; this one leaves no line.
          resolve({ status: 1, stdout: stdout.join(''), stderr: stderr.join(''), ms: performance.now() - start });
          return;
        }
        if (!opts.quiet) this.clear();
        const ms = performance.now() - start;
        const text = stdout.join('');
        if (!opts.watch && text) this.say(withoutStackTraces(text).trimEnd());
        const err = stderr.join('');
        if (err) process.stderr.write(withoutStackTraces(stripAnsi(err)));
        const status = code ?? (signal ? 1 : 0);
        this.steps.push({ name, ms, detail });
        this.say(`${status === 0 ? '✓' : '✗'} ${name} ${formatSeconds(ms)}${detail ? ` · ${detail}` : ''}`);
        resolve({ status, stdout: text, stderr: err, ms });
      });
    });
  }

  /** Replace the detail recorded for the last step (e.g. once cache counts are known). */
  setDetail(detail: string): void {
    const last = this.steps.at(-1);
    if (last) last.detail = detail;
  }

  /** The closing summary: each step's time and detail, and the total. */
  summary(title: string): void {
    this.say(title);
    for (const line of summaryLines(this.steps, performance.now() - this.started)) this.out.write(`${line}\n`);
  }
}
