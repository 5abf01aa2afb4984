import { describe, expect, it } from 'vitest';
import { findMentions, mentionedIds } from './mentions';

const ana = { id: '11111111-1111-4111-8111-111111111111', displayName: 'Ana' };
const anaMaria = { id: '22222222-2222-4222-8222-222222222222', displayName: 'Ana Maria' };
const elira = { id: '33333333-3333-4333-8333-333333333333', displayName: 'Elira Hoxha' };
const people = [ana, anaMaria, elira];

describe('findMentions', () => {
  it('finds names with spaces, case-insensitively, at word boundaries', () => {
    expect(findMentions('Thanks @elira hoxha, see you', people)).toEqual([elira.id]);
    expect(findMentions('@Elira Hoxha!', people)).toEqual([elira.id]);
    expect(findMentions('mail elira@Elira Hoxhaj', people)).toEqual([]);
  });

  it('prefers the longest name at one "@"', () => {
    expect(findMentions('@Ana Maria can you check?', people)).toEqual([anaMaria.id]);
    expect(findMentions('@Ana and @Ana Maria', people).sort()).toEqual([ana.id, anaMaria.id].sort());
  });

  it('accepts user ids and ignores people who are not candidates', () => {
    expect(findMentions(`ping @${elira.id.toUpperCase()}`, people)).toEqual([elira.id]);
    expect(findMentions('@44444444-4444-4444-8444-444444444444', people)).toEqual([]);
    expect(findMentions('@Nobody here', people)).toEqual([]);
  });

  it('leaves out the writer and counts each person once', () => {
    expect(findMentions('@Ana @Ana @ana', people, ana.id)).toEqual([]);
    expect(findMentions('@Ana @Ana', people)).toEqual([ana.id]);
  });

  it('lists ids written in the text', () => {
    expect(mentionedIds(`@${ana.id} @${ana.id} x@${elira.id}`)).toEqual([ana.id, elira.id]);
  });
});
