/**
 * Every analysis of DOMAIN.md "Analyses the board computes" in one call, for the insight panel,
 * the canvas highlighting and the report. Pure and deterministic: the same read model gives the
 * same frozen result on every replica, everything sorted by id.
 *
 *   const analysis = analyseBoard(readBoard(doc), { maxPaths: 500 });
 *   analysis.orphans.orphanWinIds;                  // ['sw-orphan']
 *   analysis.paths.filter((p) => p.winIds.includes(selectedId));
 *   if (analysis.pathsTruncated) showMore();        // everything else is complete regardless
 */
import type { BoardReadModel } from '../readBoard';
import { mechanismCoverage, type AmbitionCoverage } from './coverage';
import { linkCrossings, pathBoundaries, type LinkCrossing, type PathBoundaries } from './crossings';
import { eternalPilots } from './eternalPilots';
import { keystones, type AmbitionKeystones } from './keystones';
import { findOrphans, type Orphans } from './orphans';
import { findPaths, type BoardPath, type PathOptions } from './paths';

/** A listed path with the boundaries it crosses. */
export interface AnalysedPath extends BoardPath {
  readonly boundaries: PathBoundaries;
}

/** All analyses of one board. Only `paths` is capped; every other field is exact. */
export interface BoardAnalysis {
  /** Maximal paths from small wins to ambitions (see paths.ts), sorted by ambition, wins, links. */
  readonly paths: readonly AnalysedPath[];
  /** True when `maxPaths` or `maxSteps` cut the path list short. */
  readonly pathsTruncated: boolean;
  readonly truncatedAmbitionIds: readonly string[];
  readonly orphans: Orphans;
  /** Per ambition, sorted by ambition id. */
  readonly keystones: readonly AmbitionKeystones[];
  /** Links of any kind that cross at least one marker, sorted by link id. */
  readonly linkCrossings: readonly LinkCrossing[];
  /** Per ambition, sorted by ambition id. */
  readonly coverage: readonly AmbitionCoverage[];
  /** Wins that spread but never deepen onward, sorted by id. */
  readonly eternalPilotIds: readonly string[];
}

/** Runs every analysis on a read model; `options` caps path enumeration only. */
export function analyseBoard(board: BoardReadModel, options: PathOptions = {}): BoardAnalysis {
  const found = findPaths(board, options);
  const paths = found.paths.map((path): AnalysedPath =>
    Object.freeze({ ...path, boundaries: pathBoundaries(board, path) }),
  );
  return Object.freeze({
    paths: Object.freeze(paths),
    pathsTruncated: found.truncated,
    truncatedAmbitionIds: found.truncatedAmbitionIds,
    orphans: findOrphans(board),
    keystones: keystones(board),
    linkCrossings: linkCrossings(board),
    coverage: mechanismCoverage(board),
    eternalPilotIds: eternalPilots(board),
  });
}
