const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a record (and is answered as NOT_FOUND, not a SQL error). */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
