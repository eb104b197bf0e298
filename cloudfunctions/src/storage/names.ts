import { StoreError } from './store';

/**
 * Collection names and field paths reach SQL text (table names, json_extract paths inside index expressions),
 * so both are checked against a strict pattern before any use. Bind parameters cannot replace them: SQLite only
 * uses an expression index when the query repeats the indexed expression literally.
 */
// Letters, digits, underscore; camelCase allowed (the domain uses 'idNumbers'). SQLite table names ignore case,
// so two collections differing only in case would share a table: don't name them so.
const COLLECTION = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;
const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function checkCollection(name: string): string {
  if (typeof name !== 'string' || !COLLECTION.test(name)) {
    throw new StoreError('UNAVAILABLE', `invalid collection name: ${JSON.stringify(String(name).slice(0, 80))}`);
  }
  return name;
}

export function checkFieldPath(path: string): string {
  const parts = typeof path === 'string' ? path.split('.') : [];
  if (parts.length === 0 || parts.length > 8 || !parts.every((p) => SEGMENT.test(p))) {
    throw new StoreError('UNAVAILABLE', `invalid field path: ${JSON.stringify(String(path).slice(0, 80))}`);
  }
  return path;
}

export function checkId(id: string): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 128) {
    throw new StoreError('UNAVAILABLE', 'invalid document id');
  }
  return id;
}

/** Reads a dot path out of a plain object (undefined when any step is missing). */
export function readPath(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}
