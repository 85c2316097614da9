#!/usr/bin/env node
// The `cairn` command. TypeScript runs through tsx, so there is no server build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
