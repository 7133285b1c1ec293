/** Writes schema/schema.graphql from the server's types: `pnpm schema:emit`. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printLanternSchema } from '../schema';

export const SCHEMA_FILE = path.resolve(__dirname, '../../../schema/schema.graphql');

writeFileSync(SCHEMA_FILE, printLanternSchema());
console.log(`Wrote ${SCHEMA_FILE}`);
