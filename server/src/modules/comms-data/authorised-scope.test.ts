import { expect, it } from 'vitest';
import { COMMS_SCOPE_RULE } from '#shared/contracts/comms';
import { isWholeAuthorisation, resolveAuthorisedScope, storeScopeOf } from './authorised-scope';

const auth = {
  name: 'ds',
  from: new Date('2024-01-01T00:00:00Z'),
  to: new Date('2024-01-31T00:00:00Z'),
  numbers: ['+441', '+442'],
};

it('defaults to the authorised period and numbers, which is the whole authorisation', () => {
  const s = resolveAuthorisedScope([auth], {});
  expect(s).toMatchObject({ from: auth.from, to: auth.to, numbers: null });
  expect(isWholeAuthorisation(auth, storeScopeOf(auth, s))).toBe(true);
});

it('refuses dates or numbers outside the authorisation, naming the rule', () => {
  for (const input of [
    { from: '2023-12-31T00:00:00Z' },
    { to: '2024-02-01T00:00:00Z' },
    { numbers: ['+443'] },
  ]) {
    expect(() => resolveAuthorisedScope([auth], input)).toThrow(COMMS_SCOPE_RULE);
  }
  const narrow = resolveAuthorisedScope([auth], { from: '2024-01-10T00:00:00Z', numbers: ['+441'] });
  expect(isWholeAuthorisation(auth, storeScopeOf(auth, narrow))).toBe(false);
});

it('refuses a scope that ends before it starts, naming the field (found by the fuzzer)', () => {
  const at = { from: '2024-01-20T00:00:00Z', to: '2024-01-10T00:00:00Z' };
  expect(() => resolveAuthorisedScope([auth], at)).toThrow(
    expect.objectContaining({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ path: 'scope.to', message: 'is before from' }] },
    }),
  );
});
