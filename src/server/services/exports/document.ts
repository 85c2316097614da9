/** The lossless organisation export: its name and version, checked before anything is imported. */
export const EXPORT_FORMAT = 'cairn.organization-export';
/** Bump when the document's shape changes in a way an older importer would misread (not for new tables or columns). */
export const EXPORT_SCHEMA_VERSION = 1;

export type Row = Record<string, unknown>;

export interface OrganizationDocument {
  format: typeof EXPORT_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  organization: Row;
  /** Table name → its rows, column names as in the database; tables in an order where references come first. */
  tables: Record<string, Row[]>;
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
