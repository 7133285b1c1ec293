import { readFileSync } from 'node:fs';
import path from 'node:path';
import { printLanternSchema } from '../src/schema';

describe('schema/schema.graphql', () => {
  it('is exactly what the server emits (run `pnpm schema:emit` after changing the API)', () => {
    const committed = readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8');
    expect(committed).toBe(printLanternSchema());
  });
});
