import { proposalRepository, type Db } from '@partnera/db';
import type { ProposalService } from './proposal.service';

/**
 * After the demo data is seeded: one joint proposal made from a demo idea, with the municipality that confirmed
 * the idea's measure link as an accepted partner, so the proposal pages have something to show.
 */
export async function seedDemoProposal(db: Db, proposals: ProposalService): Promise<string | null> {
  const candidate = await proposalRepository.findDemoProposalCandidate(db);
  if (!candidate) return null;
  const author = { userId: candidate.author_id, platformRole: null };
  const proposal = await proposals.createFromIdea(author, candidate.idea_id);
  await proposals.invitePartner(author, proposal.id, { organisationId: candidate.partner_id, role: 'partner' });
  await proposals.respond({ userId: candidate.partner_user_id, platformRole: null }, proposal.id, candidate.partner_id, 'accepted');
  await proposals.update(author, proposal.id, proposal.version, { callTitle: 'Interreg VI-A Romania–Bulgaria', callProgramme: 'Interreg', callDeadline: '2027-03-31' });
  return proposal.id;
}
