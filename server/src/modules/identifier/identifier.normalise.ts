import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { BadUserInputError } from '../../common/errors';
import { IdentifierKind } from './identifier.kind';

export const IDENTIFIER_MAX_LENGTH = 200;

/**
 * One canonical form per identifier, so that the same phone, e-mail, vehicle, handle or name
 * written two ways links the reports that carry it. Throws BAD_USER_INPUT (naming `field`) for a
 * value that cannot be an identifier of that kind.
 */
export function normaliseIdentifier(kind: IdentifierKind, raw: string, field = 'value'): string {
  const value = raw.normalize('NFKC').trim();
  if (!value) throw new BadUserInputError(field, 'must not be empty');
  if (value.length > IDENTIFIER_MAX_LENGTH) throw new BadUserInputError(field, `must be at most ${IDENTIFIER_MAX_LENGTH} characters`);
  switch (kind) {
    case IdentifierKind.PHONE: {
      const phone = parsePhoneNumberFromString(value, 'GB');
      if (!phone || !phone.isPossible()) throw new BadUserInputError(field, 'is not a phone number we can read');
      return phone.number; // E.164, e.g. +447700900123
    }
    case IdentifierKind.EMAIL: {
      const email = value.toLowerCase().replace(/\s+/g, '');
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new BadUserInputError(field, 'is not an e-mail address');
      return email;
    }
    case IdentifierKind.VEHICLE: {
      const reg = value.toUpperCase().replace(/[^A-Z0-9]/g, '');
      if (!reg) throw new BadUserInputError(field, 'is not a vehicle registration');
      return reg;
    }
    case IdentifierKind.HANDLE: {
      const handle = value.replace(/^@+/, '').toLowerCase();
      if (!handle || /\s/.test(handle)) throw new BadUserInputError(field, 'is not an online handle');
      return handle;
    }
    case IdentifierKind.NAME:
      return value.replace(/\s+/g, ' ').toLowerCase();
    default:
      throw new BadUserInputError('kind', 'is not an identifier kind');
  }
}
