import { describe, expect, it } from 'vitest';
import { adminRules, createCompartmentRequest, createUserRequest } from '#shared/contracts/admin';
import { roles } from '#shared/contracts/roles';
import { ApiError } from '../../api/api-error';
import { fieldMessage, sentence } from './field-messages';
import { fieldNameOf, refusalOf, ruleInWords } from './server-errors';

const userFields = Object.keys(createUserRequest.shape);

describe('fieldNameOf: a server path onto a form field', () => {
  it('drops the request part and finds the field that holds the path', () => {
    expect(fieldNameOf('body.username', userFields)).toBe('username');
    expect(fieldNameOf('body.roles.0', userFields)).toBe('roles');
    expect(fieldNameOf('name', ['name'])).toBe('name');
    expect(fieldNameOf('query.limit', userFields)).toBeUndefined();
  });
});

describe('ruleInWords', () => {
  it('splits a named rule into its name and what it says', () => {
    expect(ruleInWords(adminRules.twoPerson)).toEqual({
      name: 'two-person',
      text: 'an administrator cannot grant access to themselves',
    });
    expect(ruleInWords('IPA 2016 Part 3: outside the authorised scope').name).toBe('IPA 2016 Part 3');
    expect(ruleInWords('last-admin')).toEqual({ name: 'last-admin', text: '' });
  });
});

describe('refusalOf: a refused submission onto a form', () => {
  it('puts each field error against its field, and needs no message when all found a place', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'The request is invalid: body.username: too short', {
      fields: [
        { path: 'body.username', message: 'too short' },
        { path: 'body.roles.0', message: 'unknown role' },
        { path: 'body.roles.1', message: 'unknown role' },
      ],
    });
    expect(refusalOf(error, userFields)).toEqual({
      fields: [
        { name: 'username', message: 'too short' },
        { name: 'roles', message: 'unknown role' },
      ],
      message: undefined,
      rule: undefined,
    });
  });

  it('keeps at the top what no field of the form can show', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'The request is invalid', {
      fields: [
        { path: 'body.username', message: 'too short' },
        { path: 'body.nickname', message: 'unknown field' },
      ],
    });
    expect(refusalOf(error, userFields).message).toBe('Check the fields marked. nickname: unknown field');
  });

  it('shows a conflict against its field and keeps the server’s words', () => {
    const error = new ApiError(409, 'CONFLICT', 'name: a compartment named "Op X" already exists', {
      fields: [{ path: 'name', message: 'already taken' }],
    });
    const refusal = refusalOf(error, Object.keys(createCompartmentRequest.shape));
    expect(refusal.fields).toEqual([{ name: 'name', message: 'already taken' }]);
    expect(refusal.message).toBe('name: a compartment named "Op X" already exists');
  });

  it('names the rule that refused, in plain words', () => {
    const error = new ApiError(422, 'RULE_VIOLATION', 'You cannot read yourself in.', {
      rule: adminRules.twoPerson,
    });
    expect(refusalOf(error, ['compartmentId'])).toEqual({
      fields: [],
      message: 'You cannot read yourself in.',
      rule: { name: 'two-person', text: 'an administrator cannot grant access to themselves' },
    });
  });

  it('says what happened when the server could not be asked', () => {
    expect(
      refusalOf(new ApiError(0, 'NETWORK_ERROR', 'Lantern could not reach the server.'), []).message,
    ).toBe('Lantern could not reach the server.');
    expect(refusalOf('odd', []).message).toBe('Something went wrong.');
  });
});

describe('fieldMessage: the contract’s checks in plain words', () => {
  const issues = (input: unknown) =>
    createUserRequest
      .safeParse(input, { error: fieldMessage })
      .error?.issues.map((i) => [i.path.join('.'), i.message]);

  it('says what a field needs, keeping the contract’s own wording where it has one', () => {
    expect(issues({ username: 'a', displayName: '', roles: [] })).toEqual([
      ['username', 'At least 2 characters'],
      ['displayName', 'Required'],
      ['roles', 'give at least one role'],
    ]);
    expect(issues({ username: 'Ada!', displayName: 'Ada', roles: [roles[0]] })).toEqual([
      ['username', 'lower-case letters, digits, dot, dash or underscore'],
    ]);
    expect(issues({ displayName: 'Ada', roles: [roles[0]] })).toEqual([['username', 'Required']]);
  });

  it('starts a message with a capital', () => {
    expect(sentence('already taken')).toBe('Already taken');
  });
});
