/**
 * The steps of a command (astro build, the content check, Pagefind; the build itself under
 * `npm run send`) must not outlive it. A process killed with SIGKILL runs no code, so it cannot stop
 * its children on the way out, and they ran on: a killed build left astro writing into a staging
 * folder nobody would use. A small watcher process does it instead: it reads a pipe from the
 * command, and when the pipe closes — the command exited, however it ended — it stops every step
 * still registered. Each step runs in a process group of its own, so its own children (esbuild,
 * Pagefind's binary) stop with it, and the watcher sits in a group of its own too, so a signal to
 * the command's group (Ctrl-C, `kill -- -<pgid>`) cannot take it down first.
 *
 * Not on Windows, which has neither process groups nor SIGKILL: there steps are plain children.
 *
 * Run as a script, this file is the watcher.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
const supported = process.platform !== 'win32';

export class Reaper {
  private watcher: ChildProcess | undefined;

  /** Spawn options that put a step in its own process group, when the watcher can stop it. */
  get spawnOptions(): Pick<SpawnOptions, 'detached'> {
    return { detached: supported };
  }

  /** Stop `child` (and its group) if this process ends before it does. */
  watch(child: ChildProcess): void {
    if (!supported || child.pid === undefined) return;
    const pid = child.pid;
    this.send(`+${pid}`);
    child.once('exit', () => this.send(`-${pid}`));
  }

  private send(line: string): void {
    if (!this.watcher) {
      this.watcher = spawn(process.execPath, [here], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
      // Neither the watcher nor its pipe keeps this process alive.
      this.watcher.unref();
      (this.watcher.stdin as unknown as { unref(): void }).unref();
    }
    this.watcher.stdin!.write(`${line}\n`);
  }
}

/** Run `command` as a watched step with the terminal's output, resolving to its exit status. */
export function runWatched(
  reaper: Reaper,
  command: string,
  args: string[],
  opts: Omit<SpawnOptions, 'stdio' | 'detached'>,
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...opts, stdio: 'inherit', ...reaper.spawnOptions });
    reaper.watch(child);
    child.on('error', () => resolve(1));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** The watcher: when the pipe from its command closes, stop every group still registered (TERM, then KILL after 2 s). */
function watcherMain(): void {
  const groups = new Set<number>();
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const pid = Number(line.slice(1));
    if (!Number.isInteger(pid) || pid <= 0) return;
    if (line.startsWith('+')) groups.add(pid);
    else groups.delete(pid);
  });
  lines.on('close', () => {
    const signal = (sig: NodeJS.Signals) => {
      for (const pid of groups) {
        try {
          process.kill(-pid, sig);
        } catch {
          groups.delete(pid);
        }
      }
    };
    signal('SIGTERM');
    if (groups.size === 0) return;
    setTimeout(() => signal('SIGKILL'), 2000);
  });
}

if (process.argv[1] === here) watcherMain();
