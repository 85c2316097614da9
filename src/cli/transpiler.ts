/**
 * How to stop the TypeScript transpiler's helper process (tsx's esbuild service), given by bin/cairn.js: a long-lived
 * command stops it once everything it needs is loaded. Nothing to do when nothing was given (tests, `node --import`).
 */
let stop: (() => void) | undefined;

export function adoptTranspilerStop(stopService: () => void): void {
  stop = stopService;
}

export function stopTranspiler(): void {
  stop?.();
}
