import fs from 'node:fs';
import path from 'node:path';
import { webDistDir } from '#server/platform/http/static-web';
import { ensureChromium } from './chromium';

/** Vitest global setup of the e2e project: a browser to drive and a built web app to serve. */
export function setup(): void {
  ensureChromium();
  if (!fs.existsSync(path.join(webDistDir, 'index.html'))) {
    throw new Error('The web app is not built: run `npm run build:web` (npm test does it first).');
  }
}
