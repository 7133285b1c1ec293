import type { RaRecord } from 'react-admin';
import { enumChoices } from '../../providers/schema';

/** A member as the dashboard reads it: never the contact details (see MemberContactDetails). */
export interface Member extends RaRecord {
  pseudonym?: string | null;
  workSetting?: string | null;
  policeContactRoute?: string | null;
  emailAlerts?: boolean | null;
  alertAreas?: { id: string; name: string }[] | null;
  createdAt?: string;
}

export const workSettingChoices = enumChoices('WorkSetting');
export const contactRouteChoices = enumChoices('ContactRoute');
