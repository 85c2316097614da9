import type { Executor } from '../../../db/database.js';
import { EXPORT_FORMAT, EXPORT_SCHEMA_VERSION } from './document.js';
import { organizationTables, type ColumnInfo } from './organization-tables.js';

type JsonSchema = Record<string, unknown>;

const SCALARS: Record<string, JsonSchema> = {
  uuid: { type: 'string', format: 'uuid' },
  text: { type: 'string' },
  varchar: { type: 'string' },
  bool: { type: 'boolean' },
  int2: { type: 'integer' },
  int4: { type: 'integer' },
  int8: { type: 'integer' },
  numeric: { type: 'number' },
  float4: { type: 'number' },
  float8: { type: 'number' },
  date: { type: 'string', format: 'date' },
  timestamptz: { type: 'string', format: 'date-time' },
  timestamp: { type: 'string' },
  jsonb: {},
  json: {},
};

function columnSchema(column: ColumnInfo): JsonSchema {
  const base = column.type.startsWith('_')
    ? { type: 'array', items: SCALARS[column.type.slice(1)] ?? {} }
    : (SCALARS[column.type] ?? { type: 'string' });
  if (!column.nullable || !('type' in base)) return { ...base, description: column.type };
  return { ...base, type: [base.type as string, 'null'], description: column.type };
}

/**
 * The export's JSON Schema (draft 2020-12), derived from the same catalog the exporter reads, so it
 * describes exactly what this version writes: every table, its columns and their types.
 */
export async function organizationExportJsonSchema(db: Executor): Promise<JsonSchema> {
  const tables = await organizationTables(db);
  const rowOf = (columns: ColumnInfo[]) => ({
    type: 'object',
    additionalProperties: false,
    required: columns.filter((c) => !c.nullable).map((c) => c.name),
    properties: Object.fromEntries(columns.map((c) => [c.name, columnSchema(c)])),
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://cairn.dev/schemas/organization-export-v${EXPORT_SCHEMA_VERSION}.json`,
    title: 'Cairn organisation export',
    description:
      'Everything an organisation holds in Cairn, lossless: rows as stored, column names as in the database, timestamps in UTC. Tables are listed so that referenced rows come first. Credentials (passwords, sessions, API and ingest tokens) are not exported.',
    type: 'object',
    required: ['format', 'schemaVersion', 'exportedAt', 'organization', 'tables'],
    additionalProperties: false,
    properties: {
      format: { const: EXPORT_FORMAT },
      schemaVersion: { const: EXPORT_SCHEMA_VERSION },
      exportedAt: { type: 'string', format: 'date-time' },
      organization: {
        type: 'object',
        description: 'The organisation row: name, time zone, settings and principles (settings.quality).',
      },
      tables: {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(tables.map((t) => [t.name, { type: 'array', items: rowOf(t.columns) }])),
      },
    },
  };
}
