import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contentFromIdea, docFromContent, emptyProposalContent, readProposalContent, writeProposalContent } from './proposal-doc';

const idea = {
  summary: 'Green schools',
  targetGroups: ['pupils', 'teachers'],
  places: ['Gabrovo', 'Tryavna'],
  budget: '1200.50',
  currency: 'EUR',
  durationMonths: 18,
  overallObjective: 'Cleaner air',
  specificObjectives: ['Plant trees'],
  expectedResults: ['500 trees', 'Lessons'],
  mainActivities: ['Planting days'],
};

describe('proposal documents', () => {
  it('seeds from an idea and reads back the same content', () => {
    const content = contentFromIdea(idea);
    expect(content.summary).toEqual({ description: 'Green schools', targetGroups: 'pupils; teachers', place: 'Gabrovo, Tryavna', totalValue: '1200.50', currency: 'EUR', durationMonths: '18', period: '' });
    expect(content.outputs.map((o) => o.text)).toEqual(['500 trees', 'Lessons']);
    const doc = docFromContent(content);
    expect(readProposalContent(doc)).toEqual(content);
    // Texts are Y.Text so typing merges character by character.
    expect(doc.getMap('summary').get('description')).toBeInstanceOf(Y.Text);
    expect((doc.getArray('activities').get(0) as Y.Map<unknown>).get('text')).toBeInstanceOf(Y.Text);
  });

  it('writes content over an existing document as one change other replicas receive', () => {
    const a = docFromContent(contentFromIdea(idea));
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const descriptionOfB = b.getMap('summary').get('description');
    const target = emptyProposalContent();
    target.summary.description = 'Restored text';
    target.budget = [{ id: 'b1', category: 'staff', description: 'Coordinator', partnerId: 'org-1', amount: 100.5, cofinancing: 0 }];
    const sv = Y.encodeStateVector(a);
    writeProposalContent(a, target);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, sv));
    const read = readProposalContent(b);
    expect(read.summary.description).toBe('Restored text');
    expect(read.objectives).toEqual([]);
    expect(read.budget).toEqual(target.budget);
    // The summary's Y.Text is edited in place, so editors bound to it keep working.
    expect(b.getMap('summary').get('description')).toBe(descriptionOfB);
  });

  it('reads malformed documents as empty values instead of failing', () => {
    const doc = new Y.Doc();
    doc.getMap('summary').set('description', 42);
    doc.getArray('objectives').push(['not a map']);
    const budgetLine = new Y.Map<unknown>();
    budgetLine.set('category', 'bribes');
    budgetLine.set('amount', 'lots');
    doc.getArray('budget').push([budgetLine]);
    const content = readProposalContent(doc);
    expect(content.summary.description).toBe('42');
    expect(content.objectives).toEqual([]);
    expect(content.budget).toEqual([{ id: '', category: 'other', description: '', partnerId: null, amount: 0, cofinancing: 0 }]);
  });
});
