/** The review API for one signed-in client, for the closing suites. Every helper asserts the success status. */
import type { z } from 'zod';
import type { closingNoteBody, reviewBoardView } from '../../src/server/http/closing/schema.js';
import type { Client } from '../support/client.js';
import { expectStatus } from '../support/fixtures.js';
import { API } from '../okrs/support.js';

export type ReviewBoard = z.output<typeof reviewBoardView>;
export type ClosingNoteInput = z.input<typeof closingNoteBody>;

export const NOTE: ClosingNoteInput = {
  outcome: 'partially',
  whatWorked: 'Weekly demos kept the team honest.',
  whatDidNot: 'The data pipeline came late.',
  lessons: [{ text: 'Agree the baseline before the quarter starts', tags: ['Data', 'planning '] }],
  next: 'carry_over',
};

export class ReviewApi {
  constructor(readonly client: Client) {}

  async board(cycleId: string, mine = true): Promise<ReviewBoard> {
    const response = await this.client.get<ReviewBoard>(`${API}/cycles/${cycleId}/review?mine=${mine}`);
    expectStatus(response, 200);
    return response.body;
  }

  async confirm(keyResultId: string) {
    const response = await this.client.post<{ proposedScore: number; score: number }>(
      `${API}/key-results/${keyResultId}/score-confirmation`,
    );
    expectStatus(response, 201);
    return response.body;
  }

  async note(objectiveId: string, body: ClosingNoteInput = NOTE) {
    const response = await this.client.put(`${API}/objectives/${objectiveId}/closing-note`, body);
    expectStatus(response, 200);
    return response.body;
  }
}
