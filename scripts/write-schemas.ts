import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSON_SCHEMA_SOURCES, type JsonSchemaFile, renderJsonSchema } from '../shared/store/json-schemas.ts';

// `npm run schemas`: regenerates shared/schemas/*.schema.json from the zod schemas.

const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'shared', 'schemas');

for (const file of Object.keys(JSON_SCHEMA_SOURCES) as JsonSchemaFile[]) {
  writeFileSync(join(SCHEMA_DIR, file), renderJsonSchema(file));
  console.log(`wrote shared/schemas/${file}`);
}
