import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { testEngineKinds } from './engines.js';

/** The engines a CLI suite runs on: the embedded database always, PostgreSQL too when TEST_DATABASE_URL is set. */
export const cliEngineKinds = testEngineKinds;

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database on the test server for one CLI suite, as `DATABASE_URL` would name it; `drop` removes it. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `cairn_t_${randomBytes(6).toString('hex')}`;
  await admin(`create database "${name}"`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists "${name}" with (force)`) };
}
