import { expect, it } from 'vitest';
import type { CommsDatasetRow } from '../comms.schema';
import { pickDataset } from './load-dataset';

const row = (id: string, name: string): CommsDatasetRow =>
  ({ id, name, createdAt: new Date('2026-01-02T03:04:05Z') }) as CommsDatasetRow;

// Names are unique only among what one user can see: the console may meet the same name twice.
const rows = [
  row('11111111-1111-4111-8111-111111111111', 'calls'),
  row('22222222-2222-4222-8222-222222222222', 'calls'),
  row('33333333-3333-4333-8333-333333333333', 'texts'),
];

it('takes a dataset by id or by a name only it has', () => {
  expect(pickDataset(rows, '22222222-2222-4222-8222-222222222222')).toBe(rows[1]);
  expect(pickDataset(rows, 'texts')).toBe(rows[2]);
});

it('refuses a name several datasets share, naming the ids to use instead', () => {
  expect(() => pickDataset(rows, 'calls')).toThrow(
    expect.objectContaining({
      code: 'CONFLICT',
      message: expect.stringMatching(
        /2 datasets are named 'calls': give the id .*11111111-1111-4111-8111-111111111111.*22222222-2222-4222-8222-222222222222/,
      ),
    }),
  );
});

it('says how to create a dataset that does not exist', () => {
  expect(() => pickDataset(rows, 'nope')).toThrow(
    expect.objectContaining({
      code: 'NOT_FOUND',
      message: expect.stringContaining(
        "lantern comms datasets add --name 'nope' --provider … --authorisation … --from … --to …",
      ),
    }),
  );
});
