/**
 * Per-test error checking for browser tests: every page a test opens through `watch` reports
 * its errors from its first navigation on, and the test fails if any page logged one. Each
 * test is checked on its own, so it fails the same way whether it runs alone or in its file.
 *
 *   const watch = checkPagesEachTest();
 *   it('…', async () => { const page = await openBoard(browser, watch, server, url); … });
 */
import { afterEach, beforeEach, expect } from 'vitest';
import { createPageWatch, type PageWatch } from './browser';

/** A watch emptied before each test, whose pages are closed and errors asserted after it. */
export function checkPagesEachTest(): PageWatch {
  const watch = createPageWatch();
  beforeEach(() => {
    watch.errors.length = 0;
    watch.expected.length = 0;
  });
  afterEach(async () => {
    const errors = watch.errors.filter((error) => !watch.expected.some((pattern) => pattern.test(error)));
    await Promise.all([...watch.contexts].map((context) => context.close()));
    expect(errors, 'errors logged by the pages of this test').toEqual([]);
  });
  return watch;
}
