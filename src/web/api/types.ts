// API shapes as the server presents them (src/server/http/presenters.ts).
import type { CheckInCadence, Role, TeamKind, TeamMemberRole } from '../../domain/vocabulary.js';

export type { Role };

export interface User {
  id: string;
  name: string;
  email: string;
  role: Role;
  title: string | null;
  managerId: string | null;
  timeZone: string | null;
  active: boolean;
  createdAt: string;
  teams?: { teamId: string; role: TeamMemberRole }[];
  /** What the caller may do with this person, decided by the server's policies. */
  can?: UserAbilities;
}

export interface UserAbilities {
  edit: boolean;
  changeRole: boolean;
  deactivate: boolean;
}

/** What the caller may do at the organisation level; pages render from this, never from the role. */
export interface OrganizationAbilities {
  manageOrganization: boolean;
  managePeople: boolean;
  invite: boolean;
  manageTeams: boolean;
  manageCycles: boolean;
  managePrinciples: boolean;
  manageRhythm: boolean;
  runJobs: boolean;
  manageSurveys: boolean;
  manageRollout: boolean;
  readAdoption: boolean;
  importData: boolean;
  readAudit: boolean;
  manageServiceTokens: boolean;
  /** Where "New objective" may place one: company level, any team, or these teams (leads: for anyone). */
  placeObjectives?: { companyLevel: boolean; anyTeam: boolean; teamIds: string[]; leadTeamIds: string[] };
}

export interface Organization {
  id: string;
  name: string;
  timeZone: string;
}

export interface Me {
  user: User;
  organization: Organization;
  can: OrganizationAbilities;
  /** Whether they ever checked in: until then Home explains the weekly loop. */
  hasCheckedIn?: boolean;
  /** Where they stand on their guided path (the steps: GET /onboarding). */
  onboarding?: { path: 'member' | 'lead'; done: number; total: number; finished: boolean };
}

export interface Team {
  id: string;
  name: string;
  description: string | null;
  kind: TeamKind;
  parentId: string | null;
  checkInCadence: CheckInCadence;
  memberCount: number | null;
  can?: { edit: boolean; delete: boolean; manageMembers: boolean };
}

export interface TeamMember {
  userId: string;
  name: string;
  email: string;
  title: string | null;
  role: TeamMemberRole;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  teamId: string | null;
  name: string | null;
  teamRole: TeamMemberRole;
  emailStatus: 'sent' | 'failed' | 'not_configured';
  createdAt: string;
  expiresAt: string;
  link?: string;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  token?: string;
}

/** An organisation service token: owned by the admin who issued it. */
export interface ServiceToken extends ApiToken {
  owner: { id: string; name: string };
}

export type TokenScope = 'read' | 'write:check-ins' | 'write:okrs' | 'admin';
