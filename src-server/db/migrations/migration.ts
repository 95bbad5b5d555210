/** One step of the schema: statements run in order, inside the migration transaction. */
export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}
