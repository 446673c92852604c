/**
 * Command-line tools some tests need (pdftoppm and pdftotext from poppler-utils). Missing tools
 * skip those tests with a message; with REQUIRE_BROWSER=1 (as CI runs, see .ci/run) they fail.
 */
import { execFileSync } from 'node:child_process';

/** Whether `tool` is on the PATH; throws under REQUIRE_BROWSER=1 when it is not. */
export function toolAvailable(tool: string, debianPackage: string): boolean {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.REQUIRE_BROWSER === '1')
      throw new Error(`REQUIRE_BROWSER=1 but ${tool} is missing (apt-get install ${debianPackage})`);
    console.warn(`skipping: ${tool} is missing (apt-get install ${debianPackage})`);
    return false;
  }
}
