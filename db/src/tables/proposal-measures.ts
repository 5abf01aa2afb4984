import type { Insertable, Selectable } from 'kysely';

/** Plan measures the proposal serves (carried over from the idea's confirmed links). */
export interface ProposalMeasuresTable {
  proposal_id: string;
  measure_id: string;
}

export type ProposalMeasureRow = Selectable<ProposalMeasuresTable>;
export type NewProposalMeasure = Insertable<ProposalMeasuresTable>;
