import 'reflect-metadata';
import path from 'node:path';
import { ConsentInput, CreateReportInput, IdentifierInput } from './modules/report/report.inputs';
import { validateArgument } from './schema';

/** type-graphql's own argument check, which validateArgument replaces (not in its exports map). */
const { validateArg } = require(path.join(path.dirname(require.resolve('type-graphql')), 'resolvers', 'validate-arg.js')) as {
  validateArg(value: unknown, type: unknown, data: unknown, global: unknown, arg: unknown, globalFn: unknown, argFn: unknown): Promise<unknown>;
};

/** The settings the schema gave type-graphql before validateArgument. */
const TYPE_GRAPHQL_SETTINGS = { forbidUnknownValues: false, stopAtFirstError: false };

function report(overrides: Partial<CreateReportInput>): CreateReportInput {
  const consent = Object.assign(new ConsentInput(), { police: 'NONE', alerts: false });
  const identifier = Object.assign(new IdentifierInput(), { kind: 'PHONE', value: '07700 900123' });
  return Object.assign(new CreateReportInput(), {
    channel: 'PHONE',
    forceAreaId: 'f',
    incidentDate: '2026-01-15',
    incidentTypes: ['VIOLENCE'],
    narrative: 'A client became violent.',
    identifiers: [identifier],
    consent,
    ...overrides,
  });
}

/** What a check throws (or undefined), reduced to what reaches a client and format-error. */
async function outcome(check: () => Promise<unknown>): Promise<unknown> {
  try {
    await check();
    return undefined;
  } catch (err) {
    const e = err as { name: string; message: string; extensions: Record<string, unknown> };
    return { name: e.name, message: e.message, extensions: JSON.parse(JSON.stringify(e.extensions)) };
  }
}

describe('validateArgument answers exactly as type-graphql’s own check', () => {
  const cases: [string, unknown][] = [
    ['a valid input', report({})],
    ['bad fields at the top', report({ incidentDate: '15/01/2026', incidentTypes: [], narrative: 'x'.repeat(20_001) })],
    ['a bad nested object', report({ consent: Object.assign(new ConsentInput(), { police: 'SOMETIMES', alerts: 'yes' }) })],
    ['a bad item of a nested list', report({ identifiers: [Object.assign(new IdentifierInput(), { kind: 'PHONE', value: 'x'.repeat(201) })] })],
    ['a list of inputs, one bad', [report({}), report({ incidentDate: 'soon' })]],
    ['a scalar', 'just a string'],
    ['null', null],
  ];
  it.each(cases)('%s', async (_name, value) => {
    const theirs = await outcome(() => validateArg(value, Object, {}, TYPE_GRAPHQL_SETTINGS, undefined, undefined, undefined));
    const ours = await outcome(() => validateArgument(value));
    expect(ours).toEqual(theirs);
  });

  it('a bad input is refused at all (the comparison is not of two silences)', async () => {
    expect(await outcome(() => validateArgument(report({ incidentDate: 'soon' })))).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});
