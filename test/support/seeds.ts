/**
 * Seeds for randomized suites. `SEEDS=1000 npm test` runs more; `SEED=42` runs one (to
 * reproduce a failure, which always prints its seed).
 */
export function seeds(defaultCount: number): number[] {
  const one = process.env.SEED;
  if (one !== undefined && one !== '') return [Number(one)];
  const count = Number(process.env.SEEDS ?? defaultCount);
  return Array.from({ length: count }, (_, i) => i + 1);
}

/** Runs `body` for every seed and rethrows the first failure with its seed and a rerun hint. */
export function forEachSeed(suite: string, defaultCount: number, body: (seed: number) => void): number {
  const list = seeds(defaultCount);
  for (const seed of list) {
    try {
      body(seed);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(
        `${suite} failed with seed ${seed} (rerun: SEED=${seed} npx vitest run ${suite}): ${message}`,
        {
          cause: error,
        },
      );
    }
  }
  return list.length;
}

/** Like `forEachSeed`, for scenarios that run asynchronously (a real server, real sockets). */
export async function forEachSeedAsync(
  suite: string,
  defaultCount: number,
  body: (seed: number) => Promise<void>,
): Promise<number> {
  const list = seeds(defaultCount);
  for (const seed of list) {
    try {
      await body(seed);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(
        `${suite} failed with seed ${seed} (rerun: SEED=${seed} npx vitest run ${suite}): ${message}`,
        { cause: error },
      );
    }
  }
  return list.length;
}
