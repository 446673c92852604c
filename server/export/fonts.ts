/**
 * The fonts every export draws with: DejaVu Sans regular and bold from the dejavu-fonts-ttf
 * package (installed with the server from the npm registry), so PNG and PDF look the same on
 * every machine whatever fonts it has, and match the metrics the renderer wraps text with.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function fontDir(): string {
  const pkg = require.resolve('dejavu-fonts-ttf/package.json');
  return path.join(path.dirname(pkg), 'ttf');
}

/** Paths of the export fonts. */
export const EXPORT_FONTS = (() => {
  const dir = fontDir();
  const fonts = {
    regular: path.join(dir, 'DejaVuSans.ttf'),
    bold: path.join(dir, 'DejaVuSans-Bold.ttf'),
  };
  for (const file of Object.values(fonts)) {
    if (!existsSync(file)) throw new Error(`export font missing: ${file} (run npm install)`);
  }
  return fonts;
})();
