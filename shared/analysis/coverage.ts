/**
 * Mechanism coverage (DOMAIN.md "Analyses"; the mechanism grid, ambition × six mechanisms): per
 * ambition, which propelling mechanisms are activated by the wins that feed it (their
 * `mechanisms`) and by the interventions that propel those wins. A `dont` intervention is
 * counterproductive by the group's own judgement, so it activates nothing; it is listed apart.
 *
 * "The wins on its paths" are the wins that feed the ambition (feeders.ts): reachability, so the
 * grid is complete however many paths were listed.
 *
 *   const [grid] = mechanismCoverage(board);
 *   grid.missing;             // ['robustness']
 *   grid.eternalPilotWarning; // true: nothing embeds these wins in regular policy
 */
import { MECHANISMS, type Mechanism } from '../mechanisms';
import type { BoardReadModel } from '../readBoard';
import { feedingWinIndices } from './feeders';
import { winGraph } from './winGraph';

/** One cell of the grid: who activates a mechanism for an ambition. */
export interface MechanismCell {
  readonly mechanism: Mechanism;
  /** Feeding wins that list the mechanism, sorted by id. */
  readonly winIds: readonly string[];
  /** `do` interventions on the mechanism that propel a feeding win, sorted by id. */
  readonly interventionIds: readonly string[];
  readonly active: boolean;
}

/** One row of the grid. */
export interface AmbitionCoverage {
  readonly ambitionId: string;
  /** The wins that feed the ambition, sorted by id. */
  readonly winIds: readonly string[];
  /** All six mechanisms, in MECHANISMS order (the grid's column order). */
  readonly cells: readonly MechanismCell[];
  /** Mechanisms nothing activates, in MECHANISMS order. */
  readonly missing: readonly Mechanism[];
  /**
   * Robustness is missing while wins do feed the ambition: nothing lands them in regular
   * policy, the deck's "eternal pilots". An ambition no win feeds is reported as unfed instead.
   */
  readonly eternalPilotWarning: boolean;
  /** `dont` interventions propelling a feeding win, sorted by id: shown, never counted. */
  readonly counterproductiveInterventionIds: readonly string[];
}

/** Each mechanism's column in the grid. */
const COLUMN = Object.fromEntries(MECHANISMS.map((m, i) => [m, i])) as Record<Mechanism, number>;

/** The mechanism grid: one row per ambition, sorted by ambition id. */
export function mechanismCoverage(board: BoardReadModel): readonly AmbitionCoverage[] {
  const graph = winGraph(board);
  const feeders = feedingWinIndices(board);
  // One intervention often propels several wins of an ambition: stamps count it once.
  const counted = new Int32Array(graph.interventions.length).fill(-1);
  const rows = graph.ambitions.map((ambition, a): AmbitionCoverage => {
    const wins = feeders[a] ?? [];
    const cellWins = MECHANISMS.map((): string[] => []);
    const cellInterventions = MECHANISMS.map((): number[] => []);
    const counterproductive: number[] = [];
    for (const w of wins) {
      const win = graph.wins[w];
      if (!win) continue;
      // Feeders come in id order, so each cell's win list is sorted as it grows.
      for (const mechanism of win.mechanisms) cellWins[COLUMN[mechanism]]?.push(win.id);
      for (const edge of graph.propelledBy[w] ?? []) {
        const intervention = graph.interventions[edge.other];
        if (!intervention || counted[edge.other] === a) continue;
        counted[edge.other] = a;
        if (intervention.advice === 'do') cellInterventions[COLUMN[intervention.mechanism]]?.push(edge.other);
        else counterproductive.push(edge.other);
      }
    }
    const ids = (indices: number[] | undefined) =>
      Object.freeze((indices ?? []).sort((x, y) => x - y).map((i) => graph.interventions[i]?.id ?? ''));
    const cells = MECHANISMS.map((mechanism, column): MechanismCell => {
      const winIds = Object.freeze(cellWins[column] ?? []);
      const interventionIds = ids(cellInterventions[column]);
      return Object.freeze({
        mechanism,
        winIds,
        interventionIds,
        active: winIds.length + interventionIds.length > 0,
      });
    });
    const missing = Object.freeze(cells.filter((cell) => !cell.active).map((cell) => cell.mechanism));
    return Object.freeze({
      ambitionId: ambition.id,
      winIds: Object.freeze(wins.map((w) => graph.wins[w]?.id ?? '')),
      cells: Object.freeze(cells),
      missing,
      eternalPilotWarning: wins.length > 0 && missing.includes('robustness'),
      counterproductiveInterventionIds: ids(counterproductive),
    });
  });
  return Object.freeze(rows);
}
