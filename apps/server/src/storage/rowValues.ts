// What the two stores' drivers give for one column: SQLite integers as numbers and JSON as text, PostgreSQL BIGINT
// as a string and JSONB parsed. The row mappers shared by both stores read them through these.

export type Int = number | string;
export type Json<T> = T | string;

export const json = <T>(value: Json<T>): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

export const intOrNull = (value: Int | null): number | null => (value === null ? null : Number(value));
