/**
 * Runs a bench script in a process of its own (its peak memory is then its own), passes its output through with a
 * prefix, and answers the JSON it printed on the line starting with `tag` (null when it failed or printed none).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export async function runTagged<T>(script: string, args: string[], tag: string, prefix: string): Promise<T | null> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', path, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let found: T | null = null;
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    if (line.startsWith(`${tag} `)) found = JSON.parse(line.slice(tag.length + 1)) as T;
    else process.stdout.write(`${prefix} ${line}\n`);
  });
  const code = await new Promise<number>((done, fail) => {
    child.on('error', fail);
    child.on('exit', (exit, signal) => done(exit ?? (signal ? 128 : 1)));
  });
  if (code !== 0) process.stdout.write(`${prefix} ${script} failed (exit ${code})\n`);
  return code === 0 ? found : null;
}
