import type { CompletenessCheck } from '../schemas/proposals';

/**
 * What the proposal services announce (after commit). The socket.io layer implements it; services never
 * touch sockets, so they stay testable and the wiring stays in the composition root.
 */
export interface ProposalEvents {
  /** A stored Yjs update, to everyone who has the proposal open except the sender's own connection. */
  update(proposalId: string, update: Uint8Array, userId: string | null, exceptSocketId?: string): void;
  checks(proposalId: string, checks: CompletenessCheck[]): void;
  /** Meta, partners, readers, versions or comments changed: clients refetch over REST. */
  meta(proposalId: string): void;
  /** Someone lost access: their connections stop watching the proposal. */
  revoke(proposalId: string, userIds: string[]): void;
}

/** For code paths that run without a gateway. */
export const silentProposalEvents: ProposalEvents = {
  update() {},
  checks() {},
  meta() {},
  revoke() {},
};
