import { proposalRepository, type Db, type ProposalRow } from '@partnera/db';
import { policy, type Actor, type ProposalStanding } from '../domain/policy';
import { forbidden, notFound } from '../errors';

export interface ProposalAccess {
  proposal: ProposalRow;
  standing: ProposalStanding;
  canRead: boolean;
  canEdit: boolean;
  canManage: boolean;
}

/** The proposal and what the actor may do with it; 404 for those who may not even read it. */
export async function loadProposalAccess(db: Db, actor: Actor, proposalId: string): Promise<ProposalAccess> {
  const proposal = await proposalRepository.findProposal(db, proposalId);
  if (!proposal) throw notFound('Proposal');
  const [orgs, reader] = await Promise.all([
    proposalRepository.standingsOf(db, proposalId, actor.userId),
    proposalRepository.isReader(db, proposalId, actor.userId),
  ]);
  const standing: ProposalStanding = {
    orgs: orgs.map((o) => ({ organisationId: o.organisation_id, role: o.role, state: o.state, membershipRole: o.membership_role })),
    reader,
  };
  const canRead = policy.readProposal(standing, actor);
  if (!canRead) throw notFound('Proposal');
  return { proposal, standing, canRead, canEdit: policy.editProposal(standing), canManage: policy.manageProposal(standing) };
}

export async function editableProposal(db: Db, actor: Actor, proposalId: string): Promise<ProposalAccess> {
  const access = await loadProposalAccess(db, actor, proposalId);
  if (!access.canEdit) throw forbidden('Only members of the partner organisations can edit this proposal');
  return access;
}

/** For live edits: a proposal that exists but that the actor may not edit is `forbidden`, whether or not they may read it. */
export async function assertCanEditLive(db: Db, actor: Actor, proposalId: string): Promise<void> {
  const proposal = await proposalRepository.findProposal(db, proposalId);
  if (!proposal) throw notFound('Proposal');
  const orgs = await proposalRepository.standingsOf(db, proposalId, actor.userId);
  if (!orgs.some((o) => o.state === 'accepted')) throw forbidden('Only members of the partner organisations can edit this proposal');
}

export async function manageableProposal(db: Db, actor: Actor, proposalId: string): Promise<ProposalAccess> {
  const access = await loadProposalAccess(db, actor, proposalId);
  if (!access.canManage) throw forbidden("Only owners and editors of the lead organisation can change the proposal's details and partners");
  return access;
}
