import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { hashPassword } from '../../modules/auth/password';
import { Force } from '../../modules/force/force.entity';
import { Member, WorkSetting } from '../../modules/member/member.entity';
import { User } from '../../modules/user/user.entity';
import { Role } from '../../policy/roles';

export const DEMO_PASSWORD = 'demo-password-1';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  forceCode?: string;
}

/** The demo accounts named in DESIGN.md. Never seeded in production. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@example.org', name: 'Alex Admin', role: Role.ADMIN },
  { email: 'manager@example.org', name: 'Morgan Manager', role: Role.MANAGER },
  { email: 'caseworker@example.org', name: 'Casey Worker', role: Role.CASE_WORKER },
  { email: 'police.avon@example.org', name: 'PC Avery Avon', role: Role.POLICE_PARTNER, forceCode: 'avon-and-somerset' },
  { email: 'police.kent@example.org', name: 'PC Kit Kent', role: Role.POLICE_PARTNER, forceCode: 'kent' },
  // A MEMBER account belongs to a Member record (seeded below), who works in Avon and Somerset.
  { email: 'member@example.org', name: 'Demo Member', role: Role.MEMBER },
];

/** Demo data for an empty database (see DESIGN.md, "Demo data"). */
export class DemoSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const forces = new Map((await em.find(Force, {})).map((f) => [f.code, f]));
    for (const account of DEMO_ACCOUNTS) {
      const user = em.create(User, {
        email: account.email,
        name: account.name,
        role: account.role,
        force: account.forceCode ? forces.get(account.forceCode)! : null,
        passwordHash,
      });
      if (account.role === Role.MEMBER) {
        const member = em.create(Member, { pseudonym: 'Sky', user, workSetting: WorkSetting.OFF_STREET_INDEPENDENT });
        member.alertAreas.add(forces.get('avon-and-somerset')!);
      }
    }
    await em.flush();
  }
}
