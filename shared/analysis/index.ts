/**
 * Analyses over the read model (DOMAIN.md "Analyses the board computes"): paths, orphans,
 * keystones, boundary crossings, mechanism coverage and eternal pilots. Pure functions; each
 * caches what it builds per read model, so calling several on one board costs one build.
 *
 *   import { analyseBoard } from '../shared/analysis';
 */
export { analyseBoard, type AnalysedPath, type BoardAnalysis } from './analyseBoard';
export { mechanismCoverage, type AmbitionCoverage, type MechanismCell } from './coverage';
export {
  crossingSegment,
  linkCrossings,
  pathBoundaries,
  type CrossedMarker,
  type LinkCrossing,
  type PathBoundaries,
} from './crossings';
export { eternalPilots } from './eternalPilots';
export { feedingWins } from './feeders';
export { keystones, type AmbitionKeystones } from './keystones';
export { findOrphans, type Orphans } from './orphans';
export {
  comparePaths,
  DEFAULT_MAX_PATHS,
  DEFAULT_MAX_STEPS,
  findPaths,
  type BoardPath,
  type PathOptions,
  type PathsResult,
} from './paths';
