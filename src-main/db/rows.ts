import type { InferSelectModel, Table } from 'drizzle-orm';

/**
 * A row as raw SQL returns it (`SELECT * FROM notes`): the table's column names as in the
 * database (snake_case) with the types drizzle infers from src-main/db/schema.ts. Queries that
 * select some columns take a Pick of it, so a column's type is written once, in the schema.
 */
export type SqlRow<T extends Table> = {
  [K in keyof T['_']['columns'] & keyof InferSelectModel<T> as T['_']['columns'][K]['_']['name']]: InferSelectModel<T>[K];
};
