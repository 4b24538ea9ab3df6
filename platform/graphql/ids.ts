const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every entity id and user id in Ridegraph is a UUID; anything else cannot exist. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
