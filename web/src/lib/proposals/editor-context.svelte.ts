import type { ProposalComment, ProposalDetail } from '@partnera/server/api-types';
import { getContext, setContext } from 'svelte';
import { proposalsApi } from '../api/proposals';
import type { CursorReport, ProposalSync } from './sync-provider.svelte';

const KEY = Symbol('proposal-editor');

/** What the pieces of the proposal editor share: the live sync, who is where, comments, partner names. */
export class EditorSession {
  comments = $state<ProposalComment[]>([]);
  /** The section whose comment thread is open. */
  openThread = $state<string | null>(null);
  detail = $state<ProposalDetail | null>(null);

  constructor(
    readonly sync: ProposalSync,
    readonly meId: string,
  ) {}

  /** Editing stays possible while offline: the changes merge when the connection is back. */
  get canEdit(): boolean {
    return this.sync.canEdit && this.sync.loaded;
  }

  commentsError = $state<unknown>(null);
  /** A pending "are you sure?" (one dialog on the page answers it). */
  confirmation = $state<{ title: string; message: string; confirmLabel: string; resolve: (ok: boolean) => void } | null>(null);

  confirm(title: string, message: string, confirmLabel: string): Promise<boolean> {
    this.confirmation?.resolve(false);
    return new Promise((resolve) => {
      this.confirmation = { title, message, confirmLabel, resolve };
    });
  }

  answerConfirmation(ok: boolean): void {
    const c = this.confirmation;
    this.confirmation = null;
    c?.resolve(ok);
  }

  async loadComments(): Promise<void> {
    try {
      this.comments = await proposalsApi.comments(this.sync.proposalId);
      this.commentsError = null;
    } catch (err) {
      this.commentsError = err;
    }
  }

  async addComment(section: string, body: string): Promise<void> {
    const created = await proposalsApi.comment(this.sync.proposalId, { section, body });
    this.comments = [...this.comments.filter((c) => c.id !== created.id), created];
  }

  async setResolved(commentId: string, resolved: boolean): Promise<void> {
    const updated = await proposalsApi.resolve(this.sync.proposalId, commentId, resolved);
    this.comments = this.comments.map((c) => (c.id === updated.id ? updated : c));
  }

  /** Others editing a section (or one field of it), by the latest `proposal:editors`. */
  editorsIn(section: string, field?: string) {
    return this.sync.editors.filter(
      (e) => e.userId !== this.meId && e.section === section && (field === undefined || e.field === field),
    );
  }

  reportCursor(cursor: CursorReport | null): void {
    this.sync.reportCursor(cursor ?? { section: null });
  }

  openCount(section: string): number {
    return this.comments.filter((c) => c.section === section && !c.resolved).length;
  }

  /** Accepted partners (and the lead) as choices for "responsible partner". */
  get partnerChoices(): Array<{ id: string; name: string }> {
    const d = this.detail;
    if (!d) return [];
    const list = [{ id: d.lead.id, name: d.lead.name }];
    for (const p of d.partners) {
      if (p.state === 'accepted' && p.organisation.id !== d.lead.id) list.push({ id: p.organisation.id, name: p.organisation.name });
    }
    return list;
  }

  partnerName(id: string | null): string {
    if (!id) return '';
    const d = this.detail;
    if (d?.lead.id === id) return d.lead.name;
    return d?.partners.find((p) => p.organisation.id === id)?.organisation.name ?? '';
  }
}

export function setProposalEditor(session: EditorSession): void {
  setContext(KEY, session);
}

export function getProposalEditor(): EditorSession {
  const s = getContext<EditorSession | undefined>(KEY);
  if (!s) throw new Error('getProposalEditor outside a proposal editor');
  return s;
}
