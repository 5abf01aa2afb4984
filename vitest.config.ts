import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
const requireBrowser = process.env.CI === 'true' || process.env.REQUIRE_BROWSER === '1';
if (!chromium) {
  if (requireBrowser) throw new Error('Browser tests are required here (CI) but no Chromium was found; install Debian\'s chromium');
  console.log('\n*** Chromium not found: SKIPPING the browser tests (tests/e2e). Install it with: apt-get install chromium ***\n');
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['db/src/**/*.test.ts', 'search/src/**/*.test.ts', 'server/src/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(chromium
        ? [
            {
              test: {
                name: 'browser',
                include: ['tests/e2e/**/*.browser.test.ts'],
                globalSetup: ['tests/support/global-setup.ts', 'tests/support/build-web.ts'],
                env: { CHROMIUM_PATH: chromium },
                testTimeout: 90_000,
                hookTimeout: 120_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
