/**
 * The visibility world: Sales (where Oscar the outsider works) and Research (where Grace works). The
 * owner publishes "Grow revenue" for Sales; `addPrivateObjective` then gives Research a private objective
 * with everything that can hang off one, its words chosen to be found if they leak.
 */
import { API, OkrApi, percent, type ObjectiveView, type KeyResultView, type OkrWorld } from '../okrs/support.js';
import { addPerson, createTeam, expectStatus, type Person } from '../support/fixtures.js';
import { comment } from '../social/support.js';

export interface VisibilityWorld extends OkrWorld {
  sales: { id: string };
  research: { id: string };
  grace: Person;
  oscar: Person;
  publicObjective: ObjectiveView;
  publicKr: KeyResultView;
}

export async function setUpVisibilityWorld(w: OkrWorld): Promise<VisibilityWorld> {
  const sales = await createTeam(w.owner.client, { name: 'Sales' });
  const research = await createTeam(w.owner.client, { name: 'Research' });
  const grace = await addPerson(w.owner.client, { name: 'Grace Hopper', teamId: research.id });
  const oscar = await addPerson(w.owner.client, { name: 'Oscar Outsider', teamId: sales.id });
  const { objective: publicObjective, kr: publicKr } = await w.api.objectiveAt(
    { cycleId: w.cycle.id, title: 'Grow revenue', teamId: sales.id },
    30,
  );
  return { ...w, sales, research, grace, oscar, publicObjective, publicKr };
}

/** Words of the private objective that must never reach an outsider. */
export const SECRETS = ['Quetzal', 'Narwhal', 'Ocelot', 'Pangolin', 'Capybara', 'Wombat', 'Axolotl'];

export interface PrivateThings {
  objective: ObjectiveView;
  kr: KeyResultView;
  checkInId: string;
  commentId: string;
}

/** A private objective of Research owned by Grace, aligned under "Grow revenue", with a bit of everything. */
export async function addPrivateObjective(w: VisibilityWorld, visibility: 'private' | 'team' = 'private'): Promise<PrivateThings> {
  const { objective, kr } = await w.api.objectiveAt(
    {
      cycleId: w.cycle.id,
      title: 'Quetzal secret launch',
      description: 'Axolotl codename',
      teamId: w.research.id,
      ownerId: w.grace.user.id,
      visibility,
      viewerIds: [],
    },
    undefined,
  );
  const krTitled = await w.api.patchKeyResult(kr.id, { title: 'Narwhal signups' });
  const checkIn = await w.api.checkIn(kr.id, { value: 40, note: 'Ocelot blocker note', confidence: 7 });
  const remark = await comment(w.owner.client, { targetType: 'objective', targetId: objective.id, body: 'Pangolin remark' });
  expectStatus(
    await w.owner.client.post(`${API}/objectives/${objective.id}/links`, { title: 'Capybara dashboard', url: 'https://bi.example/c' }),
    201,
  );
  expectStatus(
    await w.owner.client.post(`${API}/objectives/${objective.id}/dependencies`, {
      teamId: w.sales.id,
      description: 'Wombat handoff',
      neededBy: '2025-03-01',
    }),
    201,
  );
  expectStatus(await w.owner.client.post(`${API}/key-results/${kr.id}/initiatives`, { title: 'Narwhal outreach' }), 201);
  await w.api.align(objective.id, { parentObjectiveId: w.publicObjective.id });
  return { objective: await new OkrApi(w.owner.client).objective(objective.id), kr: krTitled, checkInId: checkIn.id, commentId: remark.id };
}

export { percent };
