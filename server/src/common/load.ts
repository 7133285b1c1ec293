import { wrap, type AnyEntity } from '@mikro-orm/core';
import { isLoadedObject } from '../modules/report/report.read';

/**
 * A related entity, loaded if the query that fetched its parent did not join it (a reference
 * holds only its id). One query per unloaded reference: services populate what lists show.
 */
export async function loaded<T extends AnyEntity>(ref: T | null | undefined): Promise<T | null> {
  if (!ref) return null;
  if (!isLoadedObject(ref)) await wrap(ref).init(); // a read view (report.read.ts) is always complete
  return ref;
}
