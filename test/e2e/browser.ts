/**
 * End-to-end plumbing: Debian's Chromium through playwright-core (never a downloaded
 * browser), the client built once per run, and a real server on port 0 serving it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
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

/** Where the pages of a test report their errors, and the contexts to close after it. */
export interface PageWatch {
  readonly errors: string[];
  /** Errors a test expects (going offline on purpose, say); the others fail it. */
  readonly expected: RegExp[];
  readonly contexts: Set<BrowserContext>;
}

/** An empty watch (test/e2e/pageErrors.ts gives each test its own). */
export function createPageWatch(): PageWatch {
  return { errors: [], expected: [], contexts: new Set() };
}

/** Records the page's uncaught exceptions and console errors into `errors`. */
export function watchErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
}

/**
 * A page in a fresh context whose errors go to `watch` from before its first navigation, so
 * nothing the app logs while it loads can slip past.
 */
export async function openWatchedPage(
  browser: Browser,
  watch: PageWatch,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', ...options });
  watch.contexts.add(context);
  context.on('close', () => watch.contexts.delete(context));
  const watched = new WeakSet<Page>();
  const attach = (page: Page) => {
    if (watched.has(page)) return;
    watched.add(page);
    watchErrors(page, watch.errors);
  };
  // Pages the app opens itself (none today) are watched too.
  context.on('page', attach);
  const page = await context.newPage();
  attach(page);
  return page;
}
