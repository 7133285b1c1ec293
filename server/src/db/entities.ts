import { Force } from '../modules/force/force.entity';
import { User } from '../modules/user/user.entity';

/** Every entity, listed explicitly (no folder discovery: the same in tests, builds and bundles). */
export const entities = [Force, User];
