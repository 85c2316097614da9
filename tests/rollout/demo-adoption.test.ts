import { expect, it } from 'vitest';
import { organizations } from '../../src/db/schema/index.js';
import { addDays } from '../../src/domain/index.js';
import { todayIn } from '../../src/server/clock.js';
import { adoptionFigures } from '../../src/server/services/adoption/report.js';
import { seedDemoIfEmpty } from '../../src/server/services/demo/seed-demo.js';
import { currentQuarter } from '../../src/server/services/demo/seed-demo-okrs.js';
import { describeEachEngine } from '../support/engines.js';

describeEachEngine('The demo organisation on the adoption page', (engine) => {
  it('has had its members since the quarter began, so every week of its check-in history counts them', async () => {
    await engine().reset();
    // The real clock: memberships are stamped by the database, and the demo is made "now" as `cairn serve --demo` does.
    const now = new Date();
    await seedDemoIfEmpty(engine().db, now);
    const [org] = await engine().db.select({ id: organizations.id }).from(organizations);
    const today = todayIn('Europe/Berlin', now);
    const quarterStart = currentQuarter(today).start;
    const from = [quarterStart, addDays(today, -35)].sort()[1]!;
    const report = await adoptionFigures({ db: engine().db, clock: () => now }, org!.id, { from, to: today });
    const weeks = report.organisation.weeks;
    const members = weeks.at(-1)!.members;
    expect(members).toBeGreaterThan(20);
    // Memberships dated the day the demo was made left every earlier week with 0 members and no involvement.
    for (const week of weeks.filter((w) => w.weekStart >= quarterStart))
      expect([week.weekStart, week.members]).toEqual([week.weekStart, members]);
    expect(weeks.filter((w) => w.weekStart >= quarterStart).every((w) => (w.involvement ?? 0) > 0)).toBe(true);
  });
});
