import { expect, it } from 'vitest';
import { IdleGate } from './idle-gate.js';

/** A step that records when it starts and ends, and ends when `release` is called. */
function step(log: string[], name: string) {
  let release = () => {};
  const done = new Promise<void>((r) => {
    release = r;
  });
  return {
    run: async () => {
      log.push(`${name} start`);
      await done;
      log.push(`${name} end`);
    },
    release: () => release(),
  };
}

const tick = () => new Promise((r) => setImmediate(r));

it('runs a step asked for during work only after the last work leaves', async () => {
  const gate = new IdleGate();
  const log: string[] = [];
  await gate.enter();
  await gate.enter();
  const s = step(log, 'evict');
  gate.whenIdle(s.run);
  gate.leave();
  await tick();
  expect(log).toEqual([]);
  gate.leave();
  expect(log).toEqual(['evict start']);
  s.release();
  await gate.close();
  expect(log).toEqual(['evict start', 'evict end']);
});

it('holds work that arrives while a step runs until the step ends', async () => {
  const gate = new IdleGate();
  const log: string[] = [];
  const s = step(log, 'evict');
  gate.whenIdle(s.run);
  const work = gate.enter().then(() => log.push('work'));
  await tick();
  expect(log).toEqual(['evict start']);
  s.release();
  await work;
  expect(log).toEqual(['evict start', 'evict end', 'work']);
  // The work is active: a new step waits for it.
  const t = step(log, 'again');
  gate.whenIdle(t.run);
  await tick();
  expect(log).not.toContain('again start');
  gate.leave();
  expect(log).toContain('again start');
  t.release();
  await gate.close();
});

it('keeps one waiting step (a later request replaces it), and close() drops one not yet run', async () => {
  const gate = new IdleGate();
  const log: string[] = [];
  await gate.enter();
  const a = step(log, 'a');
  const b = step(log, 'b');
  gate.whenIdle(a.run);
  gate.whenIdle(b.run);
  gate.leave();
  b.release();
  await gate.close();
  expect(log).toEqual(['b start', 'b end']);
  await gate.enter();
  gate.whenIdle(a.run);
  await gate.close();
  gate.leave();
  await tick();
  expect(log).toEqual(['b start', 'b end']);
});
