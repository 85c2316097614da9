/**
 * CPU time of the server backend per statement (utime + stime from /proc, same machine), which the machine's load
 * does not inflate as it does wall time: node --import tsx bench/eval13-cpu.ts N a.sql b.sql …
 * Each file is one statement; they run alternately on one connection each, parallel workers off.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/h_eval13';
const [n = '5', ...files] = process.argv.slice(2);
const ticks = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
};
const runs = await Promise.all(
  files.map(async (file) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('set jit = off; set max_parallel_workers_per_gather = 0');
    const pid = Number((await client.query('select pg_backend_pid() as pid')).rows[0].pid);
    return { file, client, pid, text: readFileSync(file, 'utf8'), cpu: [] as number[], wall: [] as number[] };
  }),
);
for (let i = 0; i <= Number(n); i++) {
  for (const run of i % 2 ? [...runs].reverse() : runs) {
    const c0 = ticks(run.pid);
    const t0 = performance.now();
    await run.client.query(run.text);
    if (i > 0) {
      run.wall.push(performance.now() - t0);
      run.cpu.push(ticks(run.pid) - c0);
    }
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const run of runs)
  console.log(`${run.file}: CPU median ${median(run.cpu)} ms (${run.cpu.join(' ')}), wall median ${median(run.wall).toFixed(0)} ms`);
console.log(`load ${loadavg()[0]!.toFixed(2)}`);
await Promise.all(runs.map((r) => r.client.end()));
