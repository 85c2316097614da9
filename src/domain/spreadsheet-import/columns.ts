/**
 * The columns an OKR spreadsheet can carry, under the template's headers and the headers other tools
 * use (Viva Goals / Ally exports: `Row ID`, `Parent`, `Entity`, `Owner Email`, `Time Period`…).
 * A header is recognised by its letters and digits alone, so `Owner e-mail` and `OWNER EMAIL` match.
 */
export const IMPORT_COLUMNS = [
  'rowId',
  'parents',
  'type',
  'title',
  'description',
  'level',
  'team',
  'ownerEmail',
  'cycle',
  'cycleStart',
  'cycleEnd',
  'objectiveType',
  'kind',
  'unit',
  'start',
  'target',
  'current',
  'weight',
  'milestones',
  'progress',
  'status',
  'updatedAt',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** The template's own columns: every import column up to milestones (the rest come from other tools' exports). */
export const TEMPLATE_COLUMNS: readonly ImportColumn[] = IMPORT_COLUMNS.slice(0, IMPORT_COLUMNS.indexOf('milestones') + 1);

/** The template's header for each column, in the template's order (progress, status and updatedAt are Viva's extras). */
export const TEMPLATE_HEADERS: Record<ImportColumn, string> = {
  rowId: 'Row ID',
  parents: 'Parent Row ID',
  type: 'Type',
  title: 'Title',
  description: 'Description',
  level: 'Level',
  team: 'Team',
  ownerEmail: 'Owner Email',
  cycle: 'Cycle',
  cycleStart: 'Cycle Start',
  cycleEnd: 'Cycle End',
  objectiveType: 'Objective Type',
  kind: 'Key Result Kind',
  unit: 'Unit',
  start: 'Start',
  target: 'Target',
  current: 'Current',
  weight: 'Weight',
  milestones: 'Milestones',
  progress: 'Progress',
  status: 'Status',
  updatedAt: 'Last Updated',
};

const ALIASES: Record<ImportColumn, string[]> = {
  rowId: ['rowid', 'id', 'externalid', 'key'],
  parents: ['parentrowid', 'parentrowids', 'parent', 'parents', 'parentid', 'parentids', 'alignedto'],
  type: ['type', 'itemtype', 'objecttype', 'entitytype'],
  title: ['title', 'name'],
  description: ['description', 'details', 'notes'],
  level: ['level'],
  team: ['team', 'teamname', 'entity', 'entityname'],
  ownerEmail: ['owneremail', 'owner', 'owneremailaddress', 'owners'],
  cycle: ['cycle', 'timeperiod', 'period', 'quarter'],
  cycleStart: ['cyclestart', 'cyclestartdate', 'timeperiodstart', 'timeperiodstartdate', 'periodstart'],
  cycleEnd: ['cycleend', 'cycleenddate', 'timeperiodend', 'timeperiodenddate', 'periodend'],
  objectiveType: ['objectivetype', 'commitment'],
  kind: ['keyresultkind', 'kind', 'krkind', 'metrictype', 'measuretype'],
  unit: ['unit', 'units'],
  start: ['start', 'startvalue', 'baseline'],
  target: ['target', 'targetvalue'],
  current: ['current', 'currentvalue', 'actual', 'actualvalue'],
  weight: ['weight', 'weightage'],
  milestones: ['milestones'],
  progress: ['progress', 'progresspercent', 'percentcomplete'],
  status: ['status'],
  updatedAt: ['lastupdated', 'updatedat', 'updated', 'lastupdatedon', 'lastcheckin'],
};

export const headerKey = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A column mapping chosen by a person: the file's header → a column (or null to ignore it). */
export type ColumnMapping = Record<string, ImportColumn | null>;

export interface MappedHeaders {
  /** Each recognised column's position in the row and the header it had in the file. */
  columns: Map<ImportColumn, { index: number; header: string }>;
  /** Headers neither recognised nor mapped: shown in the mapping step. */
  unmapped: string[];
}

/** Recognises the file's headers; an explicit mapping wins over the aliases; the first header for a column wins. */
export function mapHeaders(headers: readonly string[], mapping: ColumnMapping = {}): MappedHeaders {
  const byAlias = new Map<string, ImportColumn>();
  for (const column of IMPORT_COLUMNS) for (const alias of ALIASES[column]) byAlias.set(alias, column);
  const columns = new Map<ImportColumn, { index: number; header: string }>();
  const unmapped: string[] = [];
  headers.forEach((raw, index) => {
    const header = raw.trim();
    if (header === '') return;
    const column = header in mapping ? mapping[header] : byAlias.get(headerKey(header));
    if (column === null) return;
    if (column === undefined) unmapped.push(header);
    else if (!columns.has(column)) columns.set(column, { index, header });
  });
  return { columns, unmapped };
}
