import type { RaRecord } from 'react-admin';
import type { Role } from '../../providers/canAccess';
import { enumChoices } from '../../providers/schema';

export interface User extends RaRecord {
  email: string;
  name: string;
  role: Role;
  force?: { id: string; name?: string } | null;
  active: boolean;
  lastLoginAt?: string | null;
  createdAt?: string;
  updatedAt?: string;
}

export const roleChoices = enumChoices('Role');

/** Staff and police accounts are made here; member accounts come from the members' page. */
export const assignableRoleChoices = roleChoices.filter((choice) => choice.id !== 'MEMBER');

/** On edit, an existing member account still shows its role, but nobody is made a member here. */
export const editableRoleChoices = roleChoices.map((choice) =>
  choice.id === 'MEMBER' ? { ...choice, disabled: true } : choice,
);

/** Only police partners belong to a force: clear it for every other role before saving. */
export const forceOnlyForPolice = <T extends Partial<User>>(data: T): T =>
  data.role === 'POLICE_PARTNER' ? data : { ...data, force: null };
