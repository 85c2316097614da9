import { invalid } from '../../errors.js';
import { EXPORT_FORMAT, EXPORT_SCHEMA_VERSION, type OrganizationDocument, type Row } from './document.js';
import type { TableInfo } from './organization-tables.js';

const isObject = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether uploaded bytes are meant as an organisation export (a JSON object) rather than a spreadsheet. */
export const looksLikeJson = (bytes: Buffer) => /^\s*\{/.test(bytes.subarray(0, 64).toString('utf8'));

/** Parses and checks the envelope: the format, the schema version and the two sections, naming the field at fault. */
export function readDocument(bytes: Buffer): OrganizationDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw invalid('file', `The file is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(parsed)) throw invalid('file', 'An organisation export is a JSON object.');
  if (parsed.format !== EXPORT_FORMAT)
    throw invalid('format', `Expected "format": "${EXPORT_FORMAT}" (an export of a Cairn organisation).`);
  if (parsed.schemaVersion !== EXPORT_SCHEMA_VERSION)
    throw invalid(
      'schemaVersion',
      `This Cairn reads schema version ${EXPORT_SCHEMA_VERSION} of the export; the file has ${JSON.stringify(parsed.schemaVersion)}. Import it with the Cairn version that wrote it, then export again.`,
    );
  if (!isObject(parsed.organization)) throw invalid('organization', 'The organisation section is missing.');
  if (!isObject(parsed.tables)) throw invalid('tables', 'The tables section is missing.');
  for (const [name, rows] of Object.entries(parsed.tables))
    if (!Array.isArray(rows) || !rows.every(isObject)) throw invalid(`tables.${name}`, 'Each table is a list of rows (objects).');
  return parsed as unknown as OrganizationDocument;
}

/** Every table and column of the document must exist here: nothing is dropped silently. */
export function checkAgainstCatalog(document: OrganizationDocument, tables: TableInfo[]): void {
  const known = new Map(tables.map((t) => [t.name, new Set(t.columns.filter((c) => !c.generated).map((c) => c.name))]));
  for (const [name, rows] of Object.entries(document.tables)) {
    const columns = known.get(name);
    if (!columns) throw invalid(`tables.${name}`, `Unknown table "${name}": was the file written by a newer Cairn?`);
    rows.forEach((row, i) => {
      const unknown = Object.keys(row).find((key) => !columns.has(key));
      if (unknown) throw invalid(`tables.${name}[${i}].${unknown}`, `Unknown column "${unknown}" in ${name}.`);
    });
  }
}
