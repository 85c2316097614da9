import { foreignKey, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ONBOARDING_STEPS, type OnboardingStep } from '../../domain/onboarding/steps.js';
import { users } from './auth.js';
import { oneOf } from './constraints.js';
import { organizations } from './organizations.js';

/**
 * The onboarding steps a person marked done (src/domain/onboarding). Which path they are on is derived (a team
 * lead walks the lead path), and so is the first check-in step: nothing here is written when someone checks in.
 */
export const onboardingProgress = pgTable(
  'onboarding_progress',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    userId: text('user_id').notNull(),
    step: text('step').$type<OnboardingStep>().notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId, t.step] }),
    oneOf('onboarding_progress_step_check', t.step, ONBOARDING_STEPS),
    foreignKey({ name: 'onboarding_progress_user_fk', columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete(
      'cascade',
    ),
  ],
);
