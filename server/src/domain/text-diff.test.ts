import { describe, expect, it } from 'vitest';
import { diffWords, tokenize } from './text-diff';

const rebuild = (changes: ReturnType<typeof diffWords>, side: 'from' | 'to') =>
  changes.filter((c) => c.op === 'same' || c.op === (side === 'from' ? 'removed' : 'added')).map((c) => c.text).join('');

describe('diffWords', () => {
  it('keeps whitespace as tokens so the texts can be rebuilt', () => {
    expect(tokenize('a  b\nc')).toEqual(['a', '  ', 'b', '\n', 'c']);
    expect(tokenize('')).toEqual([]);
  });

  it('marks a replaced word as removed and added, the rest as same', () => {
    expect(diffWords('plant trees in the park', 'plant shrubs in the park')).toEqual([
      { op: 'same', text: 'plant ' },
      { op: 'removed', text: 'trees' },
      { op: 'added', text: 'shrubs' },
      { op: 'same', text: ' in the park' },
    ]);
  });

  it('finds insertions and deletions in the middle', () => {
    const changes = diffWords('one two three four five', 'one three four extra five');
    expect(changes.filter((c) => c.op === 'removed').map((c) => c.text.trim())).toEqual(['two']);
    expect(changes.filter((c) => c.op === 'added').map((c) => c.text.trim())).toEqual(['extra']);
  });

  it('rebuilds both sides exactly, including Cyrillic and empty texts', () => {
    const pairs: Array<[string, string]> = [
      ['', 'нов текст'],
      ['стар текст', ''],
      ['Обучение на 40 младежи в Габрово', 'Обучение на 60 младежи и жени в Габрово и Трявна'],
      ['same', 'same'],
    ];
    for (const [from, to] of pairs) {
      const changes = diffWords(from, to);
      expect(rebuild(changes, 'from')).toBe(from);
      expect(rebuild(changes, 'to')).toBe(to);
    }
    expect(diffWords('same', 'same')).toEqual([{ op: 'same', text: 'same' }]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('falls back to removed + added for huge rewrites without building a giant table', () => {
    const from = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
    const to = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
    const changes = diffWords(from, to);
    expect(rebuild(changes, 'from')).toBe(from);
    expect(rebuild(changes, 'to')).toBe(to);
  });
});
