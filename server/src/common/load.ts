import { wrap, type AnyEntity } from '@mikro-orm/core';
import { isLoadedObject } from '../modules/report/report.read';

/**
 * A related entity, loaded if the query that fetched its parent did not join it (a reference
 * holds only its id). One query per unloaded reference: services populate what lists show.
 * Synchronous when it is already loaded (a read view, report.read.ts, is always complete), so a
 * long list of loaded rows costs GraphQL no promise per field.
 */
export function loaded<T extends AnyEntity>(ref: T | null | undefined): T | null | Promise<T | null> {
  if (!ref) return null;
  if (isLoadedObject(ref)) return ref;
  return wrap(ref).init().then(() => ref);
}
