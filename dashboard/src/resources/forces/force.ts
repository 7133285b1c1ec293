import { enumChoices } from '../../providers/schema';

export const nationChoices = enumChoices('Nation');
