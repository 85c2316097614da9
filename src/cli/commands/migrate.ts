import { withDatabase } from './with-database.js';

export async function migrateCommand() {
  await withDatabase(async (handle) => {
    console.log(`Migrations applied (${handle.kind}: ${handle.location}).`);
  });
}
