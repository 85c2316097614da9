import type { Executor } from '../../../db/database.js';
import type { ObjectiveStatus } from '../../../domain/vocabulary.js';
import type { Actor } from '../../auth/actor.js';
import type { Reader } from '../visibility/objective-visible.js';
import { objectivesQuery, type ObjectiveFilters } from './find-objectives.js';
import { presentShaped, type ReadOptions } from './read-model.js';

/** The filters whose values travel as parameters; the others (`shared`, `parent=none`) choose the statement's text. */
const VALUED = ['cycleId', 'teamId', 'ownerId', 'status', 'involves'] as const;

/**
 * The objectives statement for `reader` and `filters` as a shape (db/statement-shapes.ts): built once for each
 * reader's role and set of filters, with the organisation, the reader and the filters' values put in at each call.
 */
export function objectivesShape(db: Executor, reader: Reader, filters: ObjectiveFilters) {
  const parent = filters.parent === 'none' ? 'none' : filters.parent ? 'one' : '-';
  const set = VALUED.map((name) => (filters[name] ? name : '-')).join(',');
  const key = `objectives role=${reader.role} filters=${set} shared=${filters.shared ?? '-'} parent=${parent}`;
  const values = [reader.orgId, reader.userId, ...VALUED.map((name) => filters[name] ?? ''), filters.parent ?? ''];
  const make = (v: readonly string[]) => {
    const shapedReader: Reader = { orgId: v[0]!, userId: v[1]!, role: reader.role };
    const valueOf = (name: (typeof VALUED)[number]) => (filters[name] ? v[2 + VALUED.indexOf(name)] : undefined);
    const shaped: ObjectiveFilters = {
      cycleId: valueOf('cycleId'),
      teamId: valueOf('teamId'),
      ownerId: valueOf('ownerId'),
      // A stand-in while the shape is built: the status only travels as a parameter.
      status: valueOf('status') as ObjectiveStatus | undefined,
      involves: valueOf('involves'),
      shared: filters.shared,
      parent: parent === 'one' ? v[2 + VALUED.length] : filters.parent,
    };
    return { reader: shapedReader, source: { query: objectivesQuery(db, shapedReader, shaped) } };
  };
  return { key, values, make };
}

/** The objectives `filters` ask for and `actor` may see, presented: one statement, built once per shape. */
export async function presentObjectivesPage(db: Executor, actor: Actor, filters: ObjectiveFilters, options: ReadOptions) {
  return (await presentShaped(db, actor, objectivesShape(db, actor, filters), options)).views;
}
