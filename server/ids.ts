const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else is looked up nowhere (PostgreSQL would reject it as a uuid). */
export const isUuid = (s: string): boolean => uuidPattern.test(s);
