import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { Force } from '../../modules/force/force.entity';
import { UK_POLICE_FORCES } from '../../modules/force/force.data';

/**
 * Reference data every deployment needs, production included: the UK police forces. Adds the
 * forces that are missing (by code) and leaves the rest alone, so it is safe on every start.
 */
export class ReferenceSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    const existing = new Set((await em.find(Force, {}, { fields: ['code'] })).map((f) => f.code));
    for (const force of UK_POLICE_FORCES) {
      if (!existing.has(force.code)) em.create(Force, force);
    }
    await em.flush();
  }
}
