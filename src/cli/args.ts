/** A tiny flag parser: `--name value`, `--name=value`, bare `--flag` (true), and one-letter `-f value`. */
export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

const SHORT_FLAG = /^-[a-zA-Z]$/;

export function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const short = SHORT_FLAG.test(arg);
    if (!arg.startsWith('--') && !short) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(short ? 1 : 2).split(/=(.*)/s, 2) as [string, string | undefined];
    const next = argv[i + 1];
    if (inline !== undefined) flags.set(name, inline);
    else if (next !== undefined && !next.startsWith('--') && !SHORT_FLAG.test(next)) flags.set(name, argv[++i]!);
    else flags.set(name, true);
  }
  return { positional, flags };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

export class UsageError extends Error {}

export function requireFlag(args: ParsedArgs, name: string): string {
  const value = stringFlag(args, name);
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}
