/** Who is writing, and in which organisation: every service call is scoped by it. */
export interface Scope {
  orgId: string;
  actorId: string;
}
