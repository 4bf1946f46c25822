#!/usr/bin/env node
// The `lantern` command. Lantern runs its TypeScript through tsx, so a clone works without a build step.
import { register } from 'tsx/esm/api';
import { requireNode } from '../../scripts/require-node.mjs';

requireNode();
register();
await import('../src/main.ts');
