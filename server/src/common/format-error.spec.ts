import { GraphQLError } from 'graphql';
import { createFormatError } from './format-error';
import { logger } from './logger';

beforeAll(() => logger.silence());

describe('formatError', () => {
  const secretSql = new Error('insert into "app_user" ("email") values (\'victim@example.org\') - duplicate key');

  it('masks an unexpected error in production: no message, no SQL, no stack', () => {
    const format = createFormatError({ isProduction: true });
    const out = format({ message: secretSql.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, secretSql);
    expect(out).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' }, locations: undefined, path: undefined });
  });

  it('keeps our coded errors as they are, with the field', () => {
    const format = createFormatError({ isProduction: true });
    const err = new GraphQLError('email: already used', { extensions: { code: 'CONFLICT', field: 'email' } });
    expect(format({ message: err.message, extensions: err.extensions }, err).extensions).toEqual({ code: 'CONFLICT', field: 'email' });
  });

  it('names the field of a variable that failed to coerce', () => {
    const format = createFormatError({ isProduction: true });
    const message = 'Variable "$input" got invalid value "KING" at "input.role"; Value "KING" does not exist in "Role" enum.';
    const out = format({ message, extensions: { code: 'BAD_USER_INPUT' } }, new GraphQLError(message));
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'role' });
  });

  it("treats graphql-js's own path-less refusals as the caller's, but never an error raised while resolving", () => {
    const format = createFormatError({ isProduction: true });
    const refusal = new GraphQLError('Schema is not configured to execute subscription operation.');
    expect(format({ message: refusal.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, refusal).extensions).toEqual({ code: 'BAD_USER_INPUT' });
    const inResolver = new GraphQLError(secretSql.message, { path: ['me'], originalError: secretSql });
    expect(format({ message: inResolver.message, path: ['me'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, inResolver)).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const wrapped = new GraphQLError('Context creation failed: boom', { originalError: new Error('boom') });
    expect(format({ message: wrapped.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrapped).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('never logs the message of an unexpected error in production', () => {
    const lines: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    logger.silence(false);
    try {
      createFormatError({ isProduction: true })({ message: secretSql.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, secretSql);
    } finally {
      logger.silence(true);
      spy.mockRestore();
    }
    expect(lines.join('')).toContain('internal error');
    expect(lines.join('')).not.toContain('victim@example.org');
  });
});
