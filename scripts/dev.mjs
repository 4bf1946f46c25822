// `npm run dev`: the API with restart-on-change (tsx watch) and the Vite dev server with hot reload.
// Open the Vite URL; it proxies /api to the API server.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The same Node.js as this script (node_modules/.bin/node under npm), never whichever `node` is on PATH.
const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));

const apiPort = process.env.LANTERN_API_PORT ?? '8080';
const children = [
  spawn(process.execPath, [tsx, 'watch', '--clear-screen=false', 'server/src/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: apiPort, LANTERN_ENV: process.env.LANTERN_ENV ?? 'development' },
  }),
  spawn(process.execPath, [vite, '--config', 'web/vite.config.ts'], {
    stdio: 'inherit',
    env: { ...process.env, LANTERN_API_PORT: apiPort },
  }),
];
process.stdout.write(
  `Dev mode: web with hot reload at http://127.0.0.1:${process.env.LANTERN_WEB_PORT ?? 5173}\n`,
);

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children)
  child.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
