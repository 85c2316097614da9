/**
 * The lessons library at bench scale: by default one lesson per generated objective (50,000 at scale 1), or as many as
 * asked (`--lessons 50000` gives the target's library at a smaller scale, cycling over the objectives), made of
 * common words.
 */
import { count, eq, sql } from 'drizzle-orm';
import type { Database } from '../src/db/database.js';
import { lessons } from '../src/db/schema/index.js';
import type { Dataset } from './generate.js';

const SUBJECTS = [
  'Onboarding',
  'Pricing',
  'Migrations',
  'Hiring',
  'Support',
  'Releases',
  'Experiments',
  'Planning',
  'Reviews',
  'Forecasts',
];
const LEARNED = [
  'went faster when shipped in small batches',
  'needed a control group before launch',
  'slipped because dependencies were found late',
  'improved once customers joined the weekly demo',
  'stalled without a clear owner',
  'were measured too late in the quarter to adjust',
  'benefited from pairing design and engineering',
  'needed baseline data before setting targets',
];
const TAGS = ['delivery', 'planning', 'data', 'customers', 'process', 'people'];

/** What people search for: one or two words, as typed into the box. */
export const LESSON_QUERIES = [
  'shipping',
  'control group',
  'customers demo',
  'owner',
  'baseline targets',
  'pairing design',
  'dependencies',
];

export async function seedLessons(db: Database, data: Dataset, total: number): Promise<number> {
  const [existing] = await db.select({ n: count() }).from(lessons).where(eq(lessons.orgId, data.org.id));
  if ((existing?.n ?? 0) > 0) return existing!.n;
  const rows = Array.from({ length: total }, (_, i) => data.objectives[i % data.objectives.length]!).map((o, i) => ({
    orgId: data.org.id,
    text: `${SUBJECTS[i % SUBJECTS.length]} ${LEARNED[(i * 7) % LEARNED.length]} (${i})`,
    tags: [TAGS[i % TAGS.length]!],
    teamId: o.teamIndex === null ? null : data.teams[o.teamIndex]!.id,
    cycleId: data.cycles[o.cycleIndex]!.id,
    objectiveId: o.id,
    outcome: (['achieved', 'partially', 'missed'] as const)[i % 3],
    sourceKind: 'closing_note' as const,
    sourceId: o.id,
  }));
  for (let i = 0; i < rows.length; i += 1000) await db.insert(lessons).values(rows.slice(i, i + 1000));
  // Seeded after the load's VACUUM ANALYZE: without statistics the planner guesses the organisation matches a few
  // rows and filters all 50,000 lessons by it instead of using the text index (a server's autovacuum analyzes a
  // library that grew this much; the bench must not measure a plan no server would choose).
  await db.execute(sql`analyze lessons`);
  return rows.length;
}
