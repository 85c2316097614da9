import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { isAdmin } from '../../policies/roles.js';
import { keyResultIdVisibleTo, objectiveIdVisibleTo, objectiveVisibleTo, visibleObjective, type Viewer } from './objective-visible.js';

/** Condition on a column holding a check-in id: its key result's objective is visible. */
export function checkInIdVisibleTo(viewer: Viewer, column: SQLWrapper): SQL {
  if (isAdmin(viewer)) return sql`true`;
  return sql`exists (select 1 from check_ins vci join key_results vk on vk.id = vci.key_result_id
    join objectives vo on ${visibleObjective.id} = vk.objective_id where vci.id = ${column} and ${objectiveVisibleTo(viewer, visibleObjective)})`;
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
