import type { ColumnType, Insertable, Selectable } from 'kysely';

export type ProposalPartnerRole = 'lead' | 'partner' | 'associate';
export type ProposalPartnerState = 'invited' | 'accepted' | 'declined';

/** The lead organisation has a row too (role lead, accepted). */
export interface ProposalPartnersTable {
  proposal_id: string;
  organisation_id: string;
  role: ProposalPartnerRole;
  state: ProposalPartnerState;
  invited_by: string | null;
  responded_by: string | null;
  responded_at: Date | null;
  created_at: ColumnType<Date, never, never>;
}

export type ProposalPartnerRow = Selectable<ProposalPartnersTable>;
export type NewProposalPartner = Insertable<ProposalPartnersTable>;
