/**
 * This device's small key-value store (localStorage), used as a cache and never as a source of
 * truth. Storage can refuse at any time: full (QuotaExceededError), switched off, or private
 * browsing. A refusal is logged and ignored, so it can never pass for being offline or stop a
 * board from opening.
 */

/** Reads a stored string; null when absent or when storage refuses. */
export function readLocal(key: string, storage: Storage | undefined = defaultStorage()): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch (error) {
    warn('read', key, error);
    return null;
  }
}

/** Stores a string; false (after a warning) when storage refuses. */
export function writeLocal(
  key: string,
  value: string,
  storage: Storage | undefined = defaultStorage(),
): boolean {
  try {
    storage?.setItem(key, value);
    return storage !== undefined;
  } catch (error) {
    warn('write', key, error);
    // A half-written or stale entry would be read back later: drop it.
    try {
      storage?.removeItem(key);
    } catch {
      // Nothing more to do: the cache simply stays empty.
    }
    return false;
  }
}

function defaultStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Reading `localStorage` itself throws where the browser blocks site data.
    return undefined;
  }
}

function warn(what: 'read' | 'write', key: string, error: unknown): void {
  const name = error instanceof Error ? error.name : String(error);
  console.warn(`olievlek: could not ${what} ${key} on this device (${name}); carrying on without it`);
}
