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
}

export interface Organization {
  id: string;
  name: string;
  timeZone: string;
}

export interface Me {
  user: User;
  organization: Organization;
}

export interface Team {
  id: string;
  name: string;
  description: string | null;
  kind: TeamKind;
  parentId: string | null;
  checkInCadence: CheckInCadence;
  memberCount: number | null;
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
  emailStatus: 'sent' | 'failed' | 'not_configured';
  createdAt: string;
  expiresAt: string;
  link?: string;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  token?: string;
}
