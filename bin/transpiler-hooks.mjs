// Runs on Node's module-hooks thread, beside tsx's hooks (bin/cairn.js registers both). tsx transpiles with an
// esbuild service, a child process (about 19 MB) that it starts on the first file not in its cache and keeps for the
// process's life. Only this thread holds that service, so only here can it be stopped: `cairn serve` asks once the
// server has started (issue 12: no esbuild process beside the server). A later transpile starts a new one.
export async function initialize({ port }) {
  port.on('message', async () => {
    try {
      (await import('esbuild')).stop();
    } catch {
      // No esbuild here: nothing to stop.
    }
  });
  port.unref();
}
