import { execFileSync } from 'node:child_process';

/** Browser tests drive the built app, so build it once per run from the current sources. */
export default function buildWeb() {
  console.log('tests: building the web app for the browser tests…');
  execFileSync('pnpm', ['--filter', '@partnera/web', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    // Vitest sets NODE_ENV=test, which would make Vite build a development bundle.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
