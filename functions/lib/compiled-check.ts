import { Ajv, type ValidateFunction } from 'ajv';
import * as z from 'zod/mini';
import { jsonText, type ObjectStore, parseJsonObject, parseJsonString } from './object-store.ts';

// update-index reads hundreds of index files per batch, and zod validates by building a checked
// copy of every object: on an index page that costs 2.7 times the JSON.parse itself, and the copies
// feed the garbage collector. The same schema compiled by ajv checks the parsed value in place for
// about a quarter of the parse (measured on the bench's pages and speaker day files). The zod
// schema stays the one definition: ajv compiles the JSON Schema zod derives from it, and a value it
// refuses is handed to zod, whose message names the problem. Unlike zod, a value that passes keeps
// keys the schema does not name.

// Compiling a schema costs 10 to 60 ms (20 typical); zod costs about 8 ms per MB it checks, the
// compiled check under 1. So a schema is compiled once this process has checked about as many bytes
// of it with zod as compiling costs (the ski-rental rule: never more than twice the best choice in
// hindsight). A cold start that reads a few files never pays for compiling (compiling everything up
// front added 160 ms of CPU to update-index's first event); a bulk drain pays once per schema.
export const COMPILE_AFTER_BYTES = 2_500_000;

// Formats are not checked by ajv: zod writes each one it checks as a pattern too.
const ajv = new Ajv({ strict: false, validateFormats: false });
const compiled = new WeakMap<z.ZodMiniType, ValidateFunction>();
const checkedWithZod = new WeakMap<z.ZodMiniType, number>();

/**
 * `schema` compiled by ajv (once per process): true when the value matches, exactly when zod
 * accepts it.
 *
 * @example compiledCheck(ManifestSchema)(JSON.parse(body)) // true
 */
export function compiledCheck(schema: z.ZodMiniType): (value: unknown) => boolean {
  let check = compiled.get(schema);
  if (!check) {
    check = ajv.compile(z.toJSONSchema(schema, { io: 'input', target: 'draft-07' }) as object);
    compiled.set(schema, check);
  }
  return check;
}

/**
 * parseJsonObject with the compiled check in front once the schema has been read enough to pay
 * for it: the same value, and the same MalformedObjectError (zod's message) for a body that is not
 * JSON of the schema's shape.
 *
 * @example parseCheckedJson(bucket, MANIFEST_KEY, body, ManifestSchema) // Manifest
 */
export function parseCheckedJson<S extends z.ZodMiniType>(
  bucket: string,
  key: string,
  body: Uint8Array,
  schema: S,
): z.output<S> {
  let text: string;
  try {
    text = jsonText(body);
  } catch {
    return parseJsonObject(bucket, key, body, schema) as z.output<S>;
  }
  const zodBytes = checkedWithZod.get(schema) ?? 0;
  if (zodBytes < COMPILE_AFTER_BYTES) {
    checkedWithZod.set(schema, zodBytes + text.length);
    return parseJsonString(bucket, key, text, schema) as z.output<S>;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return parseJsonString(bucket, key, text, schema) as z.output<S>;
  }
  if (compiledCheck(schema)(value)) return value as z.output<S>;
  return parseJsonString(bucket, key, text, schema) as z.output<S>;
}

/**
 * store.getJson with the compiled check: the value and its ETag, null when the object does not
 * exist, MalformedObjectError when it is not JSON of the schema's shape.
 *
 * @example await getCheckedJson(store, bucket, reportKey(id), ReportSchema) // { value: Report, etag } | null
 */
export async function getCheckedJson<S extends z.ZodMiniType>(
  store: ObjectStore,
  bucket: string,
  key: string,
  schema: S,
): Promise<{ value: z.output<S>; etag: string | undefined } | null> {
  const object = await store.get(bucket, key);
  if (!object) return null;
  return { value: parseCheckedJson(bucket, key, object.body, schema), etag: object.etag };
}
