/**
 * End-to-end plumbing: Debian's Chromium through playwright-core (never a downloaded
 * browser), the client built once per run, and a real server on port 0 serving it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../server/helpers';

/** Where Debian installs Chromium. */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether browser tests can run; with REQUIRE_BROWSER=1 a missing browser is a failure, not a skip. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but ${CHROMIUM} is missing`);
  console.warn(`skipping browser tests: ${CHROMIUM} is missing (apt-get install chromium)`);
  return false;
}

let built: string | null = null;

/** Builds the client once per test process into a temp folder and returns it. */
export function builtClient(): string {
  if (built) return built;
  const outDir = mkdtempSync(path.join(tmpdir(), 'olievlek-client-'));
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    stdio: 'inherit',
    // Vitest sets NODE_ENV=test, which would make Vite build a development client.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  built = outDir;
  return outDir;
}

/** Launches headless Chromium with the flags this machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A server serving the built client. */
export function startAppServer(): Promise<TestServer> {
  return startTestServer({ clientDir: builtClient() });
}

/** Fails the test when the page logs an error or throws. */
export function watchErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
}
