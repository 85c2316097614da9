/** Sums a V8 CPU profile (Profiler.stop) into main-thread scripting time, per script and per function. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}
export interface ProfileSummary {
  scriptingMs: number;
  byScript: [string, number][];
  byFunction: [string, number][];
  /** Runs of samples without idle between them, over 50 ms: the long tasks, with their busiest functions. */
  longTasks: { ms: number; top: string }[];
  /** Sum over the long tasks of their time beyond 50 ms, as total blocking time counts it. */
  blockingMs: number;
}

const NOT_SCRIPT = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

export function summariseProfile(profile: CpuProfile, top = 12): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000));
  const byScript = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let scriptingMs = 0;
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber, columnNumber } = byId.get(id)!.callFrame;
    if (NOT_SCRIPT.has(functionName)) continue;
    scriptingMs += ms;
    const script = url ? new URL(url).pathname.replace(/^\/assets\//, '') : '(native)';
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
    const fn = `${functionName || '(anonymous)'}@${script}:${lineNumber}:${columnNumber}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  // Long tasks: consecutive non-idle samples (a gap of idle ends a task).
  const longTasks: { ms: number; top: string }[] = [];
  let run = { ms: 0, fns: new Map<string, number>() };
  const endRun = () => {
    if (run.ms > 50) {
      const top = [...run.fns].sort((a, b) => b[1] - a[1]).slice(0, 4);
      longTasks.push({ ms: run.ms, top: top.map(([f, ms]) => `${f} ${ms.toFixed(0)}`).join(', ') });
    }
    run = { ms: 0, fns: new Map() };
  };
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber, columnNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') return endRun();
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    run.ms += ms;
    const script = url ? new URL(url).pathname.replace(/^\/assets\//, '') : '';
    const fn = `${functionName || '(anon)'}@${script}:${lineNumber}:${columnNumber}`;
    run.fns.set(fn, (run.fns.get(fn) ?? 0) + ms);
  });
  endRun();
  const blockingMs = longTasks.reduce((sum, t) => sum + t.ms - 50, 0);
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { scriptingMs, byScript: sorted(byScript), byFunction: sorted(byFunction), longTasks, blockingMs };
}

/** The call stacks (outermost last) under which a function named `name` spent its self time, heaviest first. */
export function stacksOf(profile: CpuProfile, name: string, top = 3): string[] {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000));
  return [...self]
    .filter(([id]) => byId.get(id)!.callFrame.functionName === name)
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([id, ms]) => {
      const frames: string[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
        frames.push(byId.get(at)!.callFrame.functionName || '(anon)');
      return `${ms.toFixed(0)} ms: ${frames.slice(0, 25).join(' < ')}`;
    });
}
