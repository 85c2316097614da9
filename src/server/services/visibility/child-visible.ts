import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { isAdmin } from '../../policies/roles.js';
import { keyResultIdVisibleTo, objectiveIdVisibleTo, objectiveVisibleTo, type Viewer } from './objective-visible.js';

/** Condition on a column holding a check-in id: its key result's objective is visible. */
export function checkInIdVisibleTo(viewer: Viewer, column: SQLWrapper): SQL {
  if (isAdmin(viewer)) return sql`true`;
  return sql`${column} in (select check_ins.id from check_ins join key_results on key_results.id = check_ins.key_result_id
    join objectives on objectives.id = key_results.objective_id where ${objectiveVisibleTo(viewer)})`;
}

/** Condition on a (target type, target id) pair naming an objective, a key result or a check-in (comments, feed). */
export function targetVisibleTo(viewer: Viewer, type: SQLWrapper, id: SQLWrapper): SQL {
  if (isAdmin(viewer)) return sql`true`;
  return sql`case ${type}
    when 'objective' then ${objectiveIdVisibleTo(viewer, id)}
    when 'key_result' then ${keyResultIdVisibleTo(viewer, id)}
    when 'check_in' then ${checkInIdVisibleTo(viewer, id)}
    else true end`;
}
