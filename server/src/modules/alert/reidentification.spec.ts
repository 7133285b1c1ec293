import { IdentifierKind } from '../identifier/identifier.kind';
import { FindingKind, findReidentificationRisks, type ReidentificationContext } from './reidentification';

const ctx: ReidentificationContext = {
  pseudonyms: ['Sky'],
  contactPhones: ['+447700900555'],
  contactEmails: ['sky.safe@example.org'],
  locations: ['Travelodge, Temple Gate'],
  identifiers: [
    { kind: IdentifierKind.PHONE, value: '+447700900123' },
    { kind: IdentifierKind.PHONE, value: '+447700900124' },
    { kind: IdentifierKind.VEHICLE, value: 'AB12CDE' },
    { kind: IdentifierKind.HANDLE, value: 'badclient' },
    { kind: IdentifierKind.NAME, value: 'john smith' },
  ],
  shown: [{ kind: IdentifierKind.PHONE, value: '+447700900123' }],
};

const check = (body: string, title = 'Warning: violent client in Bristol') => findReidentificationRisks({ title, body }, ctx);
const kinds = (body: string) => check(body).map((f) => f.kind);

describe('the re-identification check', () => {
  it.each([
    ['A man called Sky to book', [FindingKind.PSEUDONYM]],
    ['Call the member back on 07700 900555', [FindingKind.CONTACT_DETAIL]],
    ['Write to sky.safe@example.org', [FindingKind.PSEUDONYM, FindingKind.CONTACT_DETAIL]],
    // A pseudonym that is also an ordinary word is still flagged: a case worker overrides it, with a reason.
    ['He asks for the sky view room', [FindingKind.PSEUDONYM]],
    ['It happened at the Travelodge near the station', [FindingKind.LOCATION]],
    ['Booked for 23:15 on Friday', [FindingKind.EXACT_TIME]],
    ['He arrived at 11pm', [FindingKind.EXACT_TIME]],
    ['In a flat at 12 Harbour Road', [FindingKind.STREET_ADDRESS]],
    ['Near BS1 6QF', [FindingKind.POSTCODE]],
    ['near bs16qf', [FindingKind.POSTCODE]],
    ['He also used 07700900124', [FindingKind.IDENTIFIER_NOT_SHOWN]],
    ['Drives AB12 CDE', [FindingKind.IDENTIFIER_NOT_SHOWN]],
    ['Messages as @BadClient', [FindingKind.IDENTIFIER_NOT_SHOWN]],
    ['Calls himself John Smith', [FindingKind.IDENTIFIER_NOT_SHOWN]],
  ])('flags %j', (body, expected) => {
    expect(kinds(body)).toEqual(expected);
  });

  it.each([
    'A client became violent and refused to pay. He books by phone from 07700 900123.',
    'Tall man, thirties, grey car. Be careful in the city centre in the evenings.',
    'Reported in the Bristol area (BS1) in March.',
    'He may say he is from Skye.',
  ])('finds nothing in %j', (body) => {
    expect(check(body)).toEqual([]);
  });

  it('gives stable codes, so an override keeps naming the same finding', () => {
    expect(check('Near BS1 6QF').map((f) => f.code)).toEqual(check('Again near bs1 6qf!').map((f) => f.code));
  });

  it('checks the title too', () => {
    expect(findReidentificationRisks({ title: 'Sky was attacked', body: 'Be careful.' }, ctx)).toEqual([expect.objectContaining({ kind: FindingKind.PSEUDONYM, field: 'title' })]);
  });
});
