import { IdentifierKind } from './identifier.kind';
import { normaliseIdentifier } from './identifier.normalise';

const { PHONE, EMAIL, VEHICLE, HANDLE, NAME } = IdentifierKind;

describe('normaliseIdentifier', () => {
  it.each([
    [PHONE, '07700 900123', '+447700900123'],
    [PHONE, '07700-900-123', '+447700900123'],
    [PHONE, '+44 (0)7700 900123', '+447700900123'],
    [PHONE, '0044 7700 900123', '+447700900123'],
    [PHONE, '(020) 7946 0018', '+442079460018'],
    [PHONE, '+1 202 555 0143', '+12025550143'],
    [EMAIL, '  John.Doe@Example.COM ', 'john.doe@example.com'],
    [VEHICLE, 'ab12 cde', 'AB12CDE'],
    [VEHICLE, ' AB-12-CDE ', 'AB12CDE'],
    [HANDLE, '@SomeUser', 'someuser'],
    [HANDLE, '@@someuser', 'someuser'],
    [NAME, '  John   SMITH ', 'john smith'],
  ])('%s %j -> %j', (kind, raw, expected) => {
    expect(normaliseIdentifier(kind, raw)).toBe(expected);
  });

  it('gives one form for one phone number written many ways', () => {
    const forms = ['07700900123', '+447700900123', '07700 900 123', '447700900123'].map((v) => normaliseIdentifier(PHONE, v));
    expect(new Set(forms).size).toBe(1);
  });

  it.each([
    [PHONE, 'not a phone'],
    [PHONE, '123'],
    [EMAIL, 'no-at-sign'],
    [VEHICLE, '---'],
    [HANDLE, '@'],
    [NAME, '   '],
  ])('refuses %s %j with BAD_USER_INPUT naming the field', (kind, raw) => {
    expect(() => normaliseIdentifier(kind, raw, 'identifiers.0.value')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'identifiers.0.value' }) }));
  });
});
