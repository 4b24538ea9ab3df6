// Non-null references (Driver.fleet, Hub.fleet, Vehicle.fleet) are foreign keys inside fleet's own schema, so a
// miss is a broken invariant, reported as an internal error rather than as a null the schema does not allow.
export function required<Row>(row: Row | null, type: string, id: string): Row {
  if (row === null) throw new Error(`${type} ${id} is referenced but does not exist`);
  return row;
}
