import { beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pendingWrite, placeAsWritten, scheduleWrite, settleAll } from '../../../src/lib/build/pending-writes.ts';
import { resetProcessState } from '../../../src/lib/build/process-state.ts';

/** A write the test finishes (or fails) when it chooses, as the pool does when a worker reports. */
function drawing(): { write: () => Promise<void>; finish: () => void; fail: (why: string) => void } {
  let finish = () => {};
  let fail: (why: string) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = (why) => reject(new Error(why));
  });
  return { write: () => done, finish, fail };
}

/** Let every callback queued so far run, and the turns placeAsWritten yields to. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(() => resetProcessState());

describe('scheduleWrite and settleAll', () => {
  it('draws a file once however often it is asked for, and not at all when it exists', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-pending-'));
    const first = drawing();
    let calls = 0;
    const ask = () =>
      scheduleWrite(join(dir, 'a.svg'), () => {
        calls++;
        return first.write();
      });
    expect(ask()).toBe(ask());
    expect(calls).toBe(1);
    writeFileSync(join(dir, 'b.svg'), 'there');
    let drew = false;
    await scheduleWrite(join(dir, 'b.svg'), () => Promise.resolve(void (drew = true)));
    expect(drew).toBe(false);
    first.finish();
    expect(await settleAll()).toBe(1);
    expect(pendingWrite(join(dir, 'a.svg'))).toBeUndefined();
  });

  it('names every file that could not be drawn', async () => {
    const [a, b] = [drawing(), drawing()];
    void scheduleWrite('/cache/a.svg', a.write);
    void scheduleWrite('/cache/b.svg', b.write);
    a.fail('no font');
    b.fail('out of memory');
    await expect(settleAll()).rejects.toThrow(
      'Could not draw 2 image(s):\n/cache/a.svg: no font\n/cache/b.svg: out of memory',
    );
  });
});

describe('placeAsWritten', () => {
  it('places what is already written at once, then each drawn file as soon as it is written, in the order drawn', async () => {
    const [early, late] = [drawing(), drawing()];
    // Scheduled in this order: the pool draws `early` first.
    void scheduleWrite('/cache/early.svg', early.write);
    void scheduleWrite('/cache/late.svg', late.write);
    const entries = new Map([
      ['/cache/late.svg', '/out/late.svg'],
      ['/cache/cached.svg', '/out/cached.svg'],
      ['/cache/early.svg', '/out/early.svg'],
    ]);
    const placed: string[] = [];
    const placing = placeAsWritten(entries, (from, to) => placed.push(`${from} → ${to}`));
    const started = performance.now();
    await settle();
    expect(placed).toEqual(['/cache/cached.svg → /out/cached.svg']);
    early.finish();
    await settle();
    expect(placed).toEqual(['/cache/cached.svg → /out/cached.svg', '/cache/early.svg → /out/early.svg']);
    late.finish();
    const { complete, waitedMs } = await placing;
    expect(complete).toBe(true);
    // It waited while the two drawings were under way, and no longer than the test took.
    expect(waitedMs).toBeGreaterThanOrEqual(30);
    expect(waitedMs).toBeLessThanOrEqual(performance.now() - started);
    expect(placed).toEqual([
      '/cache/cached.svg → /out/cached.svg',
      '/cache/early.svg → /out/early.svg',
      '/cache/late.svg → /out/late.svg',
    ]);
  });

  it('stops at a drawing that failed, placing nothing after it (settleAll reports it)', async () => {
    const [broken, after] = [drawing(), drawing()];
    void scheduleWrite('/cache/broken.svg', broken.write);
    void scheduleWrite('/cache/after.svg', after.write);
    const placed: string[] = [];
    const placing = placeAsWritten(
      new Map([
        ['/cache/after.svg', '/out/after.svg'],
        ['/cache/broken.svg', '/out/broken.svg'],
      ]),
      (from) => placed.push(from),
    );
    broken.fail('no font');
    after.finish();
    expect(await placing).toMatchObject({ complete: false });
    expect(placed).toEqual([]);
    await expect(settleAll()).rejects.toThrow('/cache/broken.svg: no font');
  });

  it('lets the event loop run between files, so finished drawings reach the pool while thousands are placed', async () => {
    const entries = new Map(Array.from({ length: 100 }, (_, i) => [`/cache/${i}.svg`, `/out/${i}.svg`]));
    // Turns of the event loop, as a worker's message would take them.
    let turns = 0;
    let running = true;
    const tick = () => {
      turns++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const seen: number[] = [];
    await placeAsWritten(entries, () => void seen.push(turns));
    running = false;
    expect(seen).toHaveLength(100);
    // Nothing between the first files; turns between later ones, none far apart.
    expect(seen[0]).toBe(0);
    expect(seen[99]).toBeGreaterThanOrEqual(5);
  });
});
