import { afterAll, beforeAll, beforeEach } from 'vitest';
/**
 * Support for the OKR suites: a server whose "now" the test moves, typed views of the OKR API,
 * small request helpers that assert the happy status, and the check that stored roll-ups equal
 * a from-scratch recomputation of the cycle.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Database, DatabaseHandle } from '../../src/db/database.js';
import { keyResults, objectives } from '../../src/db/schema/index.js';
import { cycleSnapshot } from '../../src/server/services/okrs/cycle-graph.js';
import type { z } from 'zod';
import type {
  checkInBody,
  checkInView,
  cycleCreate,
  cyclePatch,
  cycleSchema,
  keyResultCreate,
  keyResultView,
  objectiveCreate,
  objectiveView,
  summarySchema,
} from '../../src/server/http/okrs/schema.js';
import type { Client } from '../support/client.js';
import { expectStatus, setUpOrganization, type Person } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

export const API = '/api/v1';
/** A well-formed id that names nothing. */
export const MISSING_ID = '00000000-0000-4000-8000-000000000000';

// ---------------------------------------------------------------------------------------------
// Time

/** Calendar arithmetic on YYYY-MM-DD strings, in UTC (the test organisations use UTC). */
export function addDays(day: string, days: number): string {
  const ms = Date.parse(`${day}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** A clock the test moves. The app reads it through `now`, which stays the same function. */
export class TestClock {
  private current: Date;

  constructor(day: string) {
    this.current = TestClock.noonOf(day);
  }

  private static noonOf(day: string): Date {
    // Noon UTC: the same calendar date in every time zone an organisation is likely to use.
    return new Date(`${day}T12:00:00.000Z`);
  }

  readonly now = (): Date => new Date(this.current.getTime());

  get today(): string {
    return this.current.toISOString().slice(0, 10);
  }

  setDay(day: string): void {
    this.current = TestClock.noonOf(day);
  }
}

/** The whole app on a migrated database, listening on 127.0.0.1, with `clock` as its "now". */
export const startClockedServer = (handle: DatabaseHandle, clock: TestClock): Promise<TestServer> =>
  startTestServer(handle, { clock: clock.now });

// ---------------------------------------------------------------------------------------------
// Views and bodies, inferred from the server's own zod schemas so the tests follow the API

export type CycleView = z.output<typeof cycleSchema>;
export type CycleSummary = z.output<typeof summarySchema>;
export type KeyResultView = z.output<typeof keyResultView>;
export type ObjectiveView = z.output<typeof objectiveView>;
export type CheckInView = z.output<typeof checkInView>;

export type CycleStatus = CycleView['status'];
export type Driver = ObjectiveView['progressDriver'];
export type Kind = KeyResultView['kind'];
export type ProgressStatus = KeyResultView['status'];

/** GET /cycles/:id/tree: the route builds its node schema recursively around objectiveView. */
export interface TreeNode extends ObjectiveView {
  childCount: number;
  matched?: boolean;
  children: TreeNode[];
}

export interface TreeView {
  cycleId: string;
  roots: TreeNode[];
}

export type ObjectiveInput = z.input<typeof objectiveCreate>;
export type KeyResultInput = z.input<typeof keyResultCreate>;
export type CheckInInput = z.input<typeof checkInBody>;

export type AlignmentTarget = { parentObjectiveId: string } | { parentKeyResultId: string };

/** A metric key result from 0 to 100, so a check-in's value is its progress in percent. */
export const percent = (title: string, weight = 1): KeyResultInput => ({ title, kind: 'metric', startValue: 0, targetValue: 100, weight });

// ---------------------------------------------------------------------------------------------
// The OKR API for one signed-in client; every helper asserts the success status.

export class OkrApi {
  constructor(readonly client: Client) {}

  async createCycle(body: z.input<typeof cycleCreate>): Promise<CycleView> {
    const response = await this.client.post<CycleView>(`${API}/cycles`, body);
    expectStatus(response, 201);
    return response.body;
  }

  async cycle(id: string): Promise<CycleView & { summary: CycleSummary }> {
    const response = await this.client.get<CycleView & { summary: CycleSummary }>(`${API}/cycles/${id}`);
    expectStatus(response, 200);
    return response.body;
  }

  async patchCycle(id: string, body: z.input<typeof cyclePatch>): Promise<CycleView> {
    const response = await this.client.patch<CycleView>(`${API}/cycles/${id}`, body);
    expectStatus(response, 200);
    return response.body;
  }

  async createObjective(body: ObjectiveInput): Promise<ObjectiveView> {
    const response = await this.client.post<ObjectiveView>(`${API}/objectives`, body);
    expectStatus(response, 201);
    return response.body;
  }

  async objective(id: string, asOf?: string): Promise<ObjectiveView> {
    const response = await this.client.get<ObjectiveView>(`${API}/objectives/${id}${asOf ? `?asOf=${asOf}` : ''}`);
    expectStatus(response, 200);
    return response.body;
  }

  async objectives(query: Record<string, string>): Promise<ObjectiveView[]> {
    const response = await this.client.get<ObjectiveView[]>(`${API}/objectives?${new URLSearchParams(query).toString()}`);
    expectStatus(response, 200);
    return response.body;
  }

  async patchObjective(id: string, body: Partial<Omit<ObjectiveInput, 'cycleId'>>): Promise<ObjectiveView> {
    const response = await this.client.patch<ObjectiveView>(`${API}/objectives/${id}`, body);
    expectStatus(response, 200);
    return response.body;
  }

  /** Creates an objective published at once (as an admin: past blocking quality findings, with a recorded reason). */
  async createPublished(body: ObjectiveInput): Promise<ObjectiveView> {
    return this.createObjective({ ...body, status: 'active', publishOverrideReason: 'Published by the test set-up' });
  }

  /** Publishes a draft (as an admin: past blocking quality findings, with a recorded reason). */
  async publish(id: string): Promise<ObjectiveView> {
    return this.patchObjective(id, { status: 'active', publishOverrideReason: 'Published by the test set-up' });
  }

  async deleteObjective(id: string): Promise<void> {
    expectStatus(await this.client.delete(`${API}/objectives/${id}`), 204);
  }

  async createKeyResult(objectiveId: string, body: KeyResultInput): Promise<KeyResultView> {
    const response = await this.client.post<KeyResultView>(`${API}/objectives/${objectiveId}/key-results`, body);
    expectStatus(response, 201);
    return response.body;
  }

  async keyResults(objectiveId: string): Promise<KeyResultView[]> {
    const response = await this.client.get<KeyResultView[]>(`${API}/objectives/${objectiveId}/key-results`);
    expectStatus(response, 200);
    return response.body;
  }

  async keyResult(id: string, asOf?: string): Promise<KeyResultView> {
    const response = await this.client.get<KeyResultView>(`${API}/key-results/${id}${asOf ? `?asOf=${asOf}` : ''}`);
    expectStatus(response, 200);
    return response.body;
  }

  async patchKeyResult(id: string, body: Partial<KeyResultInput>): Promise<KeyResultView> {
    const response = await this.client.patch<KeyResultView>(`${API}/key-results/${id}`, body);
    expectStatus(response, 200);
    return response.body;
  }

  async checkIn(keyResultId: string, body: CheckInInput): Promise<CheckInView> {
    const response = await this.client.post<CheckInView>(`${API}/key-results/${keyResultId}/check-ins`, body);
    expectStatus(response, 201);
    return response.body;
  }

  async checkIns(keyResultId: string): Promise<CheckInView[]> {
    const response = await this.client.get<CheckInView[]>(`${API}/key-results/${keyResultId}/check-ins`);
    expectStatus(response, 200);
    return response.body;
  }

  async align(childId: string, target: AlignmentTarget): Promise<ObjectiveView> {
    const response = await this.client.post<ObjectiveView>(`${API}/objectives/${childId}/alignments`, target);
    expectStatus(response, 201);
    return response.body;
  }

  async unalign(childId: string, alignmentId: string): Promise<ObjectiveView> {
    const response = await this.client.delete<ObjectiveView>(`${API}/objectives/${childId}/alignments/${alignmentId}`);
    expectStatus(response, 200);
    return response.body;
  }

  async tree(cycleId: string, query: Record<string, string> = {}): Promise<TreeView> {
    const qs = new URLSearchParams(query).toString();
    const response = await this.client.get<TreeView>(`${API}/cycles/${cycleId}/tree${qs ? `?${qs}` : ''}`);
    expectStatus(response, 200);
    return response.body;
  }

  /** An objective with one 0→100 metric key result, checked in at `value` (when given). */
  /**
   * An objective with one percent key result, published as if from the cycle start (effective start
   * null: the set-up backdates the world), unless the body says otherwise; optionally checked in.
   */
  async objectiveAt(body: ObjectiveInput, value?: number, asOf?: string): Promise<{ objective: ObjectiveView; kr: KeyResultView }> {
    const objective = await this.createObjective({
      status: 'active',
      effectiveStartDate: null,
      publishOverrideReason: 'Published by the test set-up',
      ...body,
    });
    const kr = await this.createKeyResult(objective.id, { ...percent(`${body.title} KR`), effectiveStartDate: null });
    if (value !== undefined) await this.checkIn(kr.id, { value, asOf });
    return { objective, kr };
  }

  progressOf = async (id: string): Promise<number> => (await this.objective(id)).progress;
}

// ---------------------------------------------------------------------------------------------
// Stored roll-ups against the from-scratch recomputation

/**
 * Every stored objective progress and key result progress/achievement of the cycle compared with
 * `cycleSnapshot` at `today`: the list of differences beyond 1e-9 (empty when they agree).
 */
export async function rollupDifferences(db: Database, orgId: string, cycleId: string, today: string): Promise<string[]> {
  const snapshot = await cycleSnapshot(db, orgId, cycleId, today);
  const objectiveRows = await db
    .select({ id: objectives.id, title: objectives.title, progress: objectives.progress })
    .from(objectives)
    .where(and(eq(objectives.orgId, orgId), eq(objectives.cycleId, cycleId)));
  const krRows = objectiveRows.length
    ? await db
        .select({
          id: keyResults.id,
          title: keyResults.title,
          kind: keyResults.kind,
          progress: keyResults.progress,
          achievement: keyResults.achievement,
          currentValue: keyResults.currentValue,
          lastCheckInDate: keyResults.lastCheckInDate,
          confidence: keyResults.confidence,
        })
        .from(keyResults)
        .where(
          inArray(
            keyResults.objectiveId,
            objectiveRows.map((o) => o.id),
          ),
        )
    : [];
  const differences: string[] = [];
  const off = (stored: number, expected: number | undefined) => expected === undefined || !(Math.abs(stored - expected) <= 1e-9);
  for (const row of objectiveRows) {
    const expected = snapshot.objectives.get(row.id);
    if (off(row.progress, expected))
      differences.push(`objective "${row.title}": stored progress ${row.progress}, from scratch ${expected}`);
  }
  for (const row of krRows) {
    const expected = snapshot.keyResults.get(row.id);
    if (off(row.progress, expected?.progress))
      differences.push(`key result "${row.title}": stored progress ${row.progress}, from scratch ${expected?.progress}`);
    if (off(row.achievement, expected?.achievement))
      differences.push(`key result "${row.title}": stored achievement ${row.achievement}, from scratch ${expected?.achievement}`);
    // The columns a key result copies from its latest check-in.
    const latest = snapshot.latestCheckIn.get(row.id);
    const copied = {
      lastCheckInDate: latest?.asOf ?? null,
      confidence: latest?.confidence ?? null,
      currentValue: row.kind === 'metric' || row.kind === 'threshold' ? (latest?.value ?? null) : null,
    };
    for (const [column, expectedValue] of Object.entries(copied)) {
      const stored = row[column as keyof typeof copied];
      if (stored !== expectedValue)
        differences.push(`key result "${row.title}": stored ${column} ${stored}, latest check-in ${expectedValue}`);
    }
  }
  return differences;
}

export async function expectRollupsConsistent(db: Database, orgId: string, cycleId: string, today: string, context = ''): Promise<void> {
  expect(await rollupDifferences(db, orgId, cycleId, today), `stored roll-ups differ from the recomputation ${context}`).toEqual([]);
}

/** Progress values are ratios of floats: compare to 12 decimals. */
export const expectNear = (actual: number, expected: number, message?: string) => expect(actual, message).toBeCloseTo(expected, 12);

// ---------------------------------------------------------------------------------------------
// A fresh organisation with a quarter to work in

export const Q1 = { name: 'Q1 2025', startDate: '2025-01-01', endDate: '2025-03-31' } as const;

export interface OkrWorld {
  owner: Person;
  orgId: string;
  api: OkrApi;
  cycle: CycleView;
}

/** First-run setup (the owner is signed in) and an active Q1 2025. */
export async function setUpOkrWorld(url: string): Promise<OkrWorld> {
  const { owner, organization } = await setUpOrganization(url);
  const api = new OkrApi(owner.client);
  const cycle = await api.createCycle({ ...Q1, status: 'active' });
  return { owner, orgId: organization.id, api, cycle };
}

/**
 * The usual suite set-up: one clocked server per engine; before each test an empty database, the
 * clock back at `day`, and a fresh organisation with an active Q1 2025. Read `t.w` / `t.server` inside tests.
 */
export function useOkrWorld(engine: () => { handle: DatabaseHandle; reset(): Promise<void> }, day: string) {
  const holder = { clock: new TestClock(day), server: undefined as unknown as TestServer, w: undefined as unknown as OkrWorld };
  beforeAll(async () => {
    holder.server = await startClockedServer(engine().handle, holder.clock);
  });
  afterAll(() => holder.server?.close());
  beforeEach(async () => {
    await engine().reset();
    holder.clock.setDay(day);
    holder.w = await setUpOkrWorld(holder.server.url);
  });
  return holder;
}
