import { z } from 'zod';
import { IMPORT_COLUMNS } from '../../../domain/spreadsheet-import/index.js';

const actionCounts = z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int() });

export const importPreviewSchema = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    dryRun: z.boolean(),
    counts: z.object({
      objectives: actionCounts,
      keyResults: actionCounts,
      alignments: z.object({ create: z.number().int() }),
      cycles: z.object({ create: z.number().int() }),
      teams: z.object({ create: z.number().int() }),
      invitations: z.number().int(),
      checkIns: z.number().int(),
    }),
    cyclesToCreate: z.array(z.object({ name: z.string(), startDate: z.string(), endDate: z.string(), status: z.string() })),
    teamsToCreate: z.array(z.string()),
    peopleToInvite: z.array(z.string()),
    rows: z.array(
      z.object({
        row: z.number().int(),
        rowId: z.string(),
        type: z.enum(['objective', 'key_result']),
        title: z.string(),
        action: z.enum(['create', 'update', 'unchanged']),
      }),
    ),
    skipped: z.array(z.object({ row: z.number().int(), rowId: z.string(), type: z.string() })),
    unmappedHeaders: z.array(z.string()).describe('Headers not recognised: map them with `mapping` or they are ignored'),
    mapping: z.record(z.string(), z.enum(IMPORT_COLUMNS)).describe("Which column each of the file's headers was read as"),
    errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  })
  .describe('What the import creates and updates (a dry run writes nothing), with every row error');

export const organizationImportSchema = z
  .object({
    kind: z.literal('organization'),
    dryRun: z.boolean(),
    organizationId: z.uuid(),
    tables: z.record(z.string(), z.number().int()).describe('Rows written (or, in a dry run, that would be) per table'),
  })
  .describe('The result of importing a JSON organisation export');

/** The multipart fields besides `file`, each a text part. */
export const importFields = z.object({
  dryRun: z.enum(['true', 'false']).default('true'),
  source: z.string().trim().min(1).max(100).optional(),
  mapping: z.record(z.string(), z.enum(IMPORT_COLUMNS).nullable()).optional(),
  ownerMapping: z.record(z.string(), z.email()).optional(),
  inviteUnknownOwners: z.enum(['true', 'false']).optional(),
});

export const templateQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });
