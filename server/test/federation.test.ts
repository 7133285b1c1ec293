import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { printLanternSubgraphSdl } from '../src/federation';
import { subgraphPolicy } from '../src/policy/shield';
import { Role } from '../src/policy/roles';
import { createReport, forceId } from './helpers/fixtures';
import { codesOf, startTestServer, type TestServer } from './helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ subgraph: true });
});
afterAll(() => server.close());

const ENTITIES = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Report { reference policeSummary narrative } ... on Force { name } } }`;

describe('the API as an Apollo Federation 2 subgraph', () => {
  it('composes into a supergraph with @apollo/composition', () => {
    const result = composeServices([{ name: 'lantern', typeDefs: parse(printLanternSubgraphSdl()), url: 'http://lantern.invalid/graphql' }]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.supergraphSdl).toContain('type Report');
    for (const type of ['Report', 'Force', 'User', 'PoliceRequest']) expect(printLanternSubgraphSdl()).toMatch(new RegExp(`type ${type} @key\\(fields: "id"\\)`));
  });

  it('serves _service for the gateway, and its policy rows exist', async () => {
    const res = await server.gql('{ _service { sdl } }');
    expect(res.data!._service.sdl).toContain('@key(fields: "id")');
    expect(Object.keys(subgraphPolicy.Query)).toEqual(expect.arrayContaining(['_service', '_entities']));
  });

  it('_entities applies the same rules: a hidden report is null + NOT_FOUND, a visible one keeps its field rules', async () => {
    const kent = await forceId(server, 'kent');
    const visible = await createReport(server, { forceAreaId: kent, consent: { police: 'ANONYMOUS_INTELLIGENCE', alerts: true }, narrative: 'FED SECRET' });
    const hidden = await createReport(server, { forceAreaId: kent, consent: { police: 'NONE', alerts: true }, narrative: 'FED SECRET' });
    const t = await server.tokenFor('POLICE_KENT');
    const res = await server.gql(ENTITIES, { reps: [{ __typename: 'Report', id: visible.id }, { __typename: 'Report', id: hidden.id }] }, t);
    expect(res.data!._entities[0]).toEqual({ reference: visible.reference, policeSummary: 'Assault by a client at a hotel.', narrative: null });
    expect(res.data!._entities[1]).toBeNull();
    expect(codesOf(res).sort()).toEqual(['FORBIDDEN', 'NOT_FOUND']);
    expect(JSON.stringify(res)).not.toContain('FED SECRET');
    expect(JSON.stringify(res)).not.toContain(hidden.reference);
  });

  it('_entities needs a signed-in caller; admins still do not read reports through it', async () => {
    expect(codesOf(await server.gql(ENTITIES, { reps: [{ __typename: 'Force', id: await forceId(server, 'kent') }] }))).toEqual(['UNAUTHENTICATED']);
    const report = await createReport(server);
    const res = await server.gql(ENTITIES, { reps: [{ __typename: 'Report', id: report.id }] }, await server.tokenFor(Role.ADMIN));
    expect(JSON.stringify(res.data)).not.toContain(report.reference);
  });
});
