// `npm run dev`: the API with restart-on-change (tsx watch) and the Vite dev server with hot reload.
// Open the Vite URL; it proxies /api to the API server.
import { spawn } from 'node:child_process';

const apiPort = process.env.LANTERN_API_PORT ?? '8080';
const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'server/src/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: apiPort, LANTERN_ENV: process.env.LANTERN_ENV ?? 'development' },
  }),
  spawn('npx', ['vite', '--config', 'web/vite.config.ts'], {
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
