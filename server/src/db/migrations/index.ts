import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128223917 } from './Migration20261128223917';
import { Migration20261128232043 } from './Migration20261128232043';
import { Migration20261128234257 } from './Migration20261128234257';
import { Migration20261129002309 } from './Migration20261129002309';
import { Migration20261129004813 } from './Migration20261129004813';
import { Migration20261129005604 } from './Migration20261129005604';
import { Migration20261129012338 } from './Migration20261129012338';
import { Migration20261129025916 } from './Migration20261129025916';
import { Migration20261129030712 } from './Migration20261129030712';
import { Migration20261129034555 } from './Migration20261129034555';
import { Migration20261129034813 } from './Migration20261129034813';
import { Migration20261129041000 } from './Migration20261129041000';
import { Migration20261129070000 } from './Migration20261129070000';
import { Migration20261129081500 } from './Migration20261129081500';
import { Migration20261129120000 } from './Migration20261129120000';
import { Migration20261129140000 } from './Migration20261129140000';
import { Migration20261129141000 } from './Migration20261129141000';
import { Migration20261129150000 } from './Migration20261129150000';
import { Migration20261129161500 } from './Migration20261129161500';

/** Every migration, in order. `pnpm --filter @lantern/server migration:create` appends here. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261128223917', class: Migration20261128223917 },
  { name: 'Migration20261128232043', class: Migration20261128232043 },
  { name: 'Migration20261128234257', class: Migration20261128234257 },
  { name: 'Migration20261129002309', class: Migration20261129002309 },
  { name: 'Migration20261129004813', class: Migration20261129004813 },
  { name: 'Migration20261129005604', class: Migration20261129005604 },
  { name: 'Migration20261129012338', class: Migration20261129012338 },
  { name: 'Migration20261129025916', class: Migration20261129025916 },
  { name: 'Migration20261129030712', class: Migration20261129030712 },
  { name: 'Migration20261129034555', class: Migration20261129034555 },
  { name: 'Migration20261129034813', class: Migration20261129034813 },
  { name: 'Migration20261129041000', class: Migration20261129041000 },
  { name: 'Migration20261129070000', class: Migration20261129070000 },
  { name: 'Migration20261129081500', class: Migration20261129081500 },
  { name: 'Migration20261129120000', class: Migration20261129120000 },
  { name: 'Migration20261129140000', class: Migration20261129140000 },
  { name: 'Migration20261129141000', class: Migration20261129141000 },
  { name: 'Migration20261129150000', class: Migration20261129150000 },
  { name: 'Migration20261129161500', class: Migration20261129161500 },
];
