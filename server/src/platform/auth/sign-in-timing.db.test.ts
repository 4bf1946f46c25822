import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { appPerFile, TestClient } from '../../../../test/app';
import type { Database } from '../../db/client';
import { buildUser } from './user.factory';

let database: Database;
let app: FastifyInstance;

appPerFile((t) => ({ database, app } = t));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe('sign-in timing', () => {
  // Not a speed target: a security property. Without the dummy hash an unknown username answers in
  // ~1 ms and a known one in ~50 ms (argon2id), a 50× gap; with it the two are alike.
  it('takes as long for an unknown username as for a known one with a wrong password', async () => {
    // One account per attempt, so the per-account throttle never steps in.
    const users = await Promise.all(Array.from({ length: 9 }, () => buildUser(database.db)));
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 9; i++) {
      for (const [username, into] of [
        [users[i]!.username, known],
        [`nobody-${i}`, unknown],
      ] as const) {
        const client = new TestClient(app);
        const started = performance.now();
        const res = await client.signIn(username, `wrong password ${i}`);
        into.push(performance.now() - started);
        expect(res.statusCode).toBe(401);
      }
    }
    const ratio = median(unknown) / median(known);
    // Wide bounds for a busy CI machine; the gap this guards against is ~50×.
    expect(ratio).toBeGreaterThan(0.3);
    expect(ratio).toBeLessThan(3.3);
  });
});
