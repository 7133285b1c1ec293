import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable } from './availability';

const pgError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a server shutting down its sessions (57P01)', new DriverException(pgError('terminating connection due to administrator command', '57P01'))],
    ['a server starting up (57P03)', pgError('the database system is starting up', '57P03')],
    ['a connection exception (08006)', pgError('connection failure', '08006')],
    ['too many connections (53300)', pgError('sorry, too many clients already', '53300')],
    ['a connection lost under a query (knex puts the SQL first)', new DriverException(pgError('insert into "report" ... - Connection terminated unexpectedly'))],
    ['a client no longer queryable', pgError('select 1 - Client has encountered a connection error and is not queryable')],
    ['a connection attempt that timed out', pgError('Connection terminated due to connection timeout')],
    ['a transaction whose BEGIN failed', pgError('Transaction query already complete, run with DEBUG=knex:tx for more info')],
    ['no pooled connection in time', Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' })],
    ['any of them inside a GraphQL error', new GraphQLError('wrapped', { originalError: Object.assign(new Error('x'), { code: 'ECONNRESET' }) })],
    ['any of them as a cause', new Error('outer', { cause: pgError('y', '57P02') })],
    ['a host with two addresses, both refusing', new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })], 'connect failed')],
  ])('%s: yes', (_what, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it.each([
    ['a unique violation', new UniqueConstraintViolationException(pgError('duplicate key', '23505'))],
    ['a cancelled statement (statement_timeout is the caller’s query, not an outage)', pgError('canceling statement due to statement timeout', '57014')],
    ['a syntax error', pgError('syntax error at or near "selec"', '42601')],
    ['a protocol violation (a malformed message, e.g. a NUL in a value)', pgError('invalid message format', '08P01')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a GraphQL error of our own', new GraphQLError('Report not found', { extensions: { code: 'NOT_FOUND' } })],
    ['not an error at all', 'ECONNREFUSED'],
  ])('%s: no', (_what, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });
});
