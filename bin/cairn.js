#!/usr/bin/env node
// The `cairn` command. TypeScript runs through tsx, so there is no server build step.
import { register as registerHooks } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
// A line to the hooks thread, where tsx's esbuild service can be stopped (transpiler-hooks.mjs).
const { port1, port2 } = new MessageChannel();
registerHooks('./transpiler-hooks.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });
port1.unref();
const { adoptTranspilerStop } = await import('../src/cli/transpiler.ts');
adoptTranspilerStop(() => port1.postMessage('stop'));
await import('../src/cli/main.ts');
