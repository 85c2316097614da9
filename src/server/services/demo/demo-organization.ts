import type { TeamKind } from '../../../domain/vocabulary.js';

/** The demo organisation: a mid-sized robotics company with departments, teams and a reporting line. */
export interface DemoTeam {
  key: string;
  name: string;
  kind: TeamKind;
  parent?: string;
  description: string;
}

export interface DemoPerson {
  name: string;
  title: string;
  teams: string[];
  leads?: string[];
  manager?: string;
  role?: 'owner' | 'admin' | 'member';
}

export const DEMO_ORGANIZATION = 'Northwind Robotics';
export const DEMO_OWNER_EMAIL = 'ada@northwind.example';
export const DEMO_PASSWORD = 'northwind-demo';

export const DEMO_TEAMS: DemoTeam[] = [
  { key: 'eng', name: 'Engineering', kind: 'department', description: 'Builds and runs the fleet software and hardware.' },
  { key: 'platform', name: 'Platform', kind: 'team', parent: 'eng', description: 'Fleet cloud, APIs and reliability.' },
  { key: 'autonomy', name: 'Autonomy', kind: 'team', parent: 'eng', description: 'Navigation, perception and planning.' },
  { key: 'hardware', name: 'Hardware', kind: 'team', parent: 'eng', description: 'Robot design and manufacturing handoff.' },
  { key: 'product', name: 'Product', kind: 'department', description: 'Discovery, design and product strategy.' },
  { key: 'design', name: 'Design', kind: 'team', parent: 'product', description: 'Operator app and on-robot UX.' },
  { key: 'gtm', name: 'Go-to-Market', kind: 'department', description: 'Sales, marketing and customer success.' },
  { key: 'sales', name: 'Sales', kind: 'team', parent: 'gtm', description: 'New logistics and retail customers.' },
  { key: 'marketing', name: 'Marketing', kind: 'team', parent: 'gtm', description: 'Demand generation and brand.' },
  { key: 'success', name: 'Customer Success', kind: 'team', parent: 'gtm', description: 'Onboarding, adoption and renewals.' },
  { key: 'people', name: 'People & Operations', kind: 'department', description: 'Hiring, finance and workplace.' },
];

export const DEMO_PEOPLE: DemoPerson[] = [
  { name: 'Ada Okafor', title: 'CEO', teams: [], role: 'owner' },
  { name: 'Marcus Lindqvist', title: 'VP Engineering', teams: ['eng'], leads: ['eng'], manager: 'Ada Okafor', role: 'admin' },
  { name: 'Priya Raman', title: 'Head of Product', teams: ['product'], leads: ['product'], manager: 'Ada Okafor' },
  { name: 'Sofia Marquez', title: 'VP Go-to-Market', teams: ['gtm'], leads: ['gtm'], manager: 'Ada Okafor' },
  { name: 'Tomás Herrera', title: 'Head of People & Ops', teams: ['people'], leads: ['people'], manager: 'Ada Okafor', role: 'admin' },
  { name: 'Hannah Becker', title: 'Platform Lead', teams: ['platform'], leads: ['platform'], manager: 'Marcus Lindqvist' },
  { name: 'Kenji Watanabe', title: 'Senior SRE', teams: ['platform'], manager: 'Hannah Becker' },
  { name: 'Amara Nwosu', title: 'Backend Engineer', teams: ['platform'], manager: 'Hannah Becker' },
  { name: 'Lukas Novak', title: 'Backend Engineer', teams: ['platform'], manager: 'Hannah Becker' },
  { name: 'Elena Petrova', title: 'Autonomy Lead', teams: ['autonomy'], leads: ['autonomy'], manager: 'Marcus Lindqvist' },
  { name: 'Rahul Mehta', title: 'Perception Engineer', teams: ['autonomy'], manager: 'Elena Petrova' },
  { name: 'Grace Kim', title: 'Planning Engineer', teams: ['autonomy'], manager: 'Elena Petrova' },
  { name: "Liam O'Connor", title: 'Robotics Engineer', teams: ['autonomy', 'hardware'], manager: 'Elena Petrova' },
  { name: 'Ingrid Solberg', title: 'Hardware Lead', teams: ['hardware'], leads: ['hardware'], manager: 'Marcus Lindqvist' },
  { name: 'Mateo Rossi', title: 'Mechanical Engineer', teams: ['hardware'], manager: 'Ingrid Solberg' },
  { name: 'Fatima Zahra', title: 'Electrical Engineer', teams: ['hardware'], manager: 'Ingrid Solberg' },
  { name: 'Noah Williams', title: 'Product Manager, Fleet', teams: ['product', 'platform'], manager: 'Priya Raman' },
  { name: 'Chloé Dubois', title: 'Design Lead', teams: ['design'], leads: ['design'], manager: 'Priya Raman' },
  { name: 'Yusuf Demir', title: 'Product Designer', teams: ['design'], manager: 'Chloé Dubois' },
  { name: 'Olivia Brown', title: 'Sales Director', teams: ['sales'], leads: ['sales'], manager: 'Sofia Marquez' },
  { name: 'Diego Santos', title: 'Account Executive', teams: ['sales'], manager: 'Olivia Brown' },
  { name: 'Aisha Bello', title: 'Account Executive', teams: ['sales'], manager: 'Olivia Brown' },
  { name: 'Ethan Clarke', title: 'Marketing Lead', teams: ['marketing'], leads: ['marketing'], manager: 'Sofia Marquez' },
  { name: 'Mei Lin', title: 'Content Marketer', teams: ['marketing'], manager: 'Ethan Clarke' },
  { name: 'Jonas Weber', title: 'Customer Success Lead', teams: ['success'], leads: ['success'], manager: 'Sofia Marquez' },
  { name: 'Zanele Dlamini', title: 'Customer Success Manager', teams: ['success'], manager: 'Jonas Weber' },
  { name: 'Carlos Jiménez', title: 'Solutions Engineer', teams: ['success', 'sales'], manager: 'Jonas Weber' },
  { name: 'Sara Haddad', title: 'Recruiter', teams: ['people'], manager: 'Tomás Herrera' },
  { name: 'Peter Jansen', title: 'Finance Manager', teams: ['people'], manager: 'Tomás Herrera' },
];

export const demoEmail = (name: string) =>
  `${name
    .split(' ')[0]!
    .normalize('NFD')
    .replace(/[^a-zA-Z]/g, '')
    .toLowerCase()}@northwind.example`;
