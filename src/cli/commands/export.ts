import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { ParsedArgs } from '../args.js';
import { stringFlag } from '../args.js';
import { exportOrganization } from '../../server/services/exports/export-organization.js';
import { organizationExportJsonSchema } from '../../server/services/exports/json-schema.js';
import { importingActor } from './import.js';
import { withDatabase } from './with-database.js';

/** cairn export [--output FILE] [--as E-MAIL] | cairn export --json-schema: the organisation as JSON (stdout by default). */
export async function exportCommand(args: ParsedArgs) {
  const path = stringFlag(args, 'output');
  const out: Writable = path ? createWriteStream(path) : process.stdout;
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  await withDatabase(async (handle) => {
    if (args.flags.has('json-schema'))
      return void (await write(`${JSON.stringify(await organizationExportJsonSchema(handle.db), null, 2)}\n`));
    const actor = await importingActor(handle.db, stringFlag(args, 'as'));
    await exportOrganization(handle, actor, write);
  });
  if (path) {
    out.end();
    await once(out, 'finish');
    console.error(`Organisation exported to ${path}`);
  }
}
