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
import { compareIndex } from '../zOrder';
import { feedingWins } from './feeders';
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

/** The mechanism grid: one row per ambition, sorted by ambition id. */
export function mechanismCoverage(board: BoardReadModel): readonly AmbitionCoverage[] {
  const graph = winGraph(board);
  const feeders = feedingWins(board);
  const rows = graph.ambitions.map((ambition): AmbitionCoverage => {
    const winIds = feeders.get(ambition.id) ?? [];
    const wins = new Map(MECHANISMS.map((m) => [m, new Set<string>()]));
    const interventions = new Map(MECHANISMS.map((m) => [m, new Set<string>()]));
    const counterproductive = new Set<string>();
    for (const winId of winIds) {
      const w = graph.winIndex.get(winId) as number;
      for (const mechanism of graph.wins[w]?.mechanisms ?? []) wins.get(mechanism)?.add(winId);
      for (const edge of graph.propelledBy[w] ?? []) {
        const intervention = graph.interventions[edge.other];
        if (!intervention) continue;
        if (intervention.advice === 'do') interventions.get(intervention.mechanism)?.add(intervention.id);
        else counterproductive.add(intervention.id);
      }
    }
    const cells = MECHANISMS.map((mechanism): MechanismCell => {
      const cellWins = sorted(wins.get(mechanism));
      const cellInterventions = sorted(interventions.get(mechanism));
      return Object.freeze({
        mechanism,
        winIds: cellWins,
        interventionIds: cellInterventions,
        active: cellWins.length + cellInterventions.length > 0,
      });
    });
    const missing = Object.freeze(cells.filter((cell) => !cell.active).map((cell) => cell.mechanism));
    return Object.freeze({
      ambitionId: ambition.id,
      winIds,
      cells: Object.freeze(cells),
      missing,
      eternalPilotWarning: winIds.length > 0 && missing.includes('robustness'),
      counterproductiveInterventionIds: sorted(counterproductive),
    });
  });
  return Object.freeze(rows);
}

function sorted(values: ReadonlySet<string> | undefined): readonly string[] {
  return Object.freeze([...(values ?? [])].sort(compareIndex));
}
