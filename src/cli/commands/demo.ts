import { seedDemoIfEmpty } from '../../server/services/demo/seed-demo.js';
import { withDatabase } from './with-database.js';

export async function demoCommand() {
  await withDatabase(async (handle) => console.log((await seedDemoIfEmpty(handle.db)).message));
}
