import { registerEnumType } from 'type-graphql';

export enum IdentifierKind {
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  VEHICLE = 'VEHICLE',
  HANDLE = 'HANDLE',
  NAME = 'NAME',
}
registerEnumType(IdentifierKind, { name: 'IdentifierKind', description: 'What a perpetrator identifier is' });
