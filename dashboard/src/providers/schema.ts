import { buildSchema, introspectionFromSchema, isEnumType, type IntrospectionSchema } from 'graphql';
// The API's schema, emitted by the server and committed. Introspection is off in production,
// so the dashboard learns the API's shape from this file at build time.
import sdl from '../../../schema/schema.graphql?raw';

export const schema = buildSchema(sdl);

export const introspectionSchema: IntrospectionSchema = introspectionFromSchema(schema).__schema;

export interface Choice {
  id: string;
  name: string;
  disabled?: boolean;
}

/**
 * The values of a GraphQL enum as react-admin choices; each label is the translation key
 * `lantern.enums.<Enum>.<VALUE>` (see i18n/en.ts).
 */
export function enumChoices(enumName: string): Choice[] {
  const type = schema.getType(enumName);
  if (!isEnumType(type)) throw new Error(`schema.graphql has no enum ${enumName}`);
  return type.getValues().map(({ name }) => ({ id: name, name: `lantern.enums.${enumName}.${name}` }));
}
