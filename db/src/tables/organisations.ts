import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export type OrganisationKind = 'ngo' | 'municipality' | 'regional_council' | 'other';
export type CountryCode = 'BG' | 'AL' | 'AZ';
export type VerificationStatus = 'unverified' | 'pending' | 'verified' | 'rejected';

export interface OrganisationsTable {
  id: Generated<string>;
  kind: OrganisationKind;
  name: string;
  legal_id: string | null;
  country: CountryCode;
  /** Most specific territory the organisation belongs to (region or municipality code). */
  territory_code: string | null;
  description: string;
  website: string | null;
  verification_status: Generated<VerificationStatus>;
  verification_reason: string | null;
  verification_decided_by: string | null;
  verification_decided_at: Date | null;
  /** Bumped on every edit; the ETag of the organisation. */
  version: Generated<number>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export type Organisation = Selectable<OrganisationsTable>;
export type NewOrganisation = Insertable<OrganisationsTable>;
export type OrganisationUpdate = Updateable<OrganisationsTable>;
