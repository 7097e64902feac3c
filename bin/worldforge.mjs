#!/usr/bin/env node
// Entry point of `npx worldforge`. The CLI is TypeScript; tsx's loader runs it without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../scripts/wf.ts');
process.exitCode = await main(process.argv.slice(2));
