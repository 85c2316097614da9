// API shapes as the server presents them (src/server/http/presenters.ts).
export type Role = 'owner' | 'admin' | 'member';

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
  teams?: { teamId: string; role: 'lead' | 'member' }[];
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
  kind: 'department' | 'team';
  parentId: string | null;
  checkInCadence: 'weekly' | 'biweekly' | 'monthly';
  memberCount: number | null;
}

export interface TeamMember {
  userId: string;
  name: string;
  email: string;
  title: string | null;
  role: 'lead' | 'member';
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
