import type { Executor } from '../../../db/database.js';
import { trainedLeaders } from '../onboarding/trained-leaders.js';
import { listPhases } from './phases.js';
import { listPilotTeams } from './pilot.js';
import { programmeSettings } from './settings.js';
import { rolloutTeam } from './team.js';

/** Everything the rollout page shows about the programme, read in one go. */
export async function readProgramme(db: Executor, orgId: string) {
  return {
    phases: await listPhases(db, orgId),
    team: await rolloutTeam(db, orgId),
    pilot: { teams: await listPilotTeams(db, orgId) },
    settings: await programmeSettings(db, orgId),
    trainedLeaders: await trainedLeaders(db, orgId),
  };
}
