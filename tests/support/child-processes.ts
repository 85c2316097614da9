import { existsSync, readdirSync, readFileSync } from 'node:fs';

/**
 * The processes `pid` started that still run, by command line (Linux /proc), from any of its threads: tsx starts its
 * esbuild service from Node's module-hooks thread, which the main thread's list does not show. Empty when /proc has no
 * such process (or is not there).
 */
export function childProcessesOf(pid: number): string[] {
  if (!existsSync(`/proc/${pid}/task`)) return [];
  try {
    return readdirSync(`/proc/${pid}/task`)
      .flatMap((thread) => readFileSync(`/proc/${pid}/task/${thread}/children`, 'utf8').trim().split(/\s+/))
      .filter(Boolean)
      .map((child) => readFileSync(`/proc/${child}/cmdline`, 'utf8').replaceAll('\0', ' ').trim());
  } catch {
    // A thread or a child ended while being read: the next look sees the rest.
    return [];
  }
}
