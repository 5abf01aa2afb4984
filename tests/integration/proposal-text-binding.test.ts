import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mapIndex, textChange } from '../../web/src/lib/proposals/ytext-binding';

/** Applies an edit of a field's value to its Y.Text the way the web binding does. */
function applyFieldEdit(text: Y.Text, before: string, after: string, caret?: number) {
  const c = textChange(before, after, caret);
  text.doc!.transact(() => {
    if (c.remove) text.delete(c.index, c.remove);
    if (c.insert) text.insert(c.index, c.insert);
  });
}

describe('proposal text binding: field edits as minimal Y.Text changes', () => {
  it('finds the single replacement, using the caret to place a repeated letter', () => {
    expect(textChange('abc', 'abXc')).toEqual({ index: 2, remove: 0, insert: 'X' });
    expect(textChange('abc', 'ac')).toEqual({ index: 1, remove: 1, insert: '' });
    expect(textChange('hello world', 'hello brave world')).toEqual({ index: 6, remove: 0, insert: 'brave ' });
    // "a" typed after the first "a" (caret 2): without the caret it would look typed at the end.
    expect(textChange('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
    expect(textChange('aa', 'aaa')).toEqual({ index: 2, remove: 0, insert: 'a' });
    expect(textChange('select me', 'sX me', 2)).toEqual({ index: 1, remove: 5, insert: 'X' });
  });

  it('never splits a surrogate pair', () => {
    // 😀 (\uD83D\uDE00) replaced by 😁 (\uD83D\uDE01): the shared high surrogate must go too.
    const c = textChange('a😀b', 'a😁b');
    expect(c).toEqual({ index: 1, remove: 2, insert: '😁' });
  });

  it('maps a caret through a remote change', () => {
    // Remote inserted "XY" at 2 in "abcdef"; a caret at 4 moves to 6, one at 1 stays.
    const insert = [{ retain: 2 }, { insert: 'XY' }];
    expect(mapIndex(insert, 4)).toBe(6);
    expect(mapIndex(insert, 1)).toBe(1);
    expect(mapIndex(insert, 2)).toBe(2);
    expect(mapIndex(insert, 2, true)).toBe(4);
    // Remote deleted 3 characters at 1: a caret inside the deletion lands at its start.
    const del = [{ retain: 1 }, { delete: 3 }];
    expect(mapIndex(del, 5)).toBe(2);
    expect(mapIndex(del, 2)).toBe(1);
    expect(mapIndex(del, 0)).toBe(0);
  });

  it('two editors typing into the same text at once converge with both edits', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const ta = a.getMap('summary').set('description', new Y.Text('Clean river.')) as Y.Text;
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const tb = b.getMap('summary').get('description') as Y.Text;

    let va = ta.toString();
    let vb = tb.toString();
    const typeA = ' Volunteers clean it twice a year.';
    const typeB = 'Our ';
    // Interleaved keystrokes, each side only seeing its own field value until they exchange updates.
    for (let i = 0; i < Math.max(typeA.length, typeB.length); i++) {
      if (i < typeA.length) {
        const next = va + typeA[i];
        applyFieldEdit(ta, va, next, next.length);
        va = next;
      }
      if (i < typeB.length) {
        const next = vb.slice(0, i) + typeB[i] + vb.slice(i);
        applyFieldEdit(tb, vb, next, i + 1);
        vb = next;
      }
    }
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    expect(ta.toString()).toBe(tb.toString());
    expect(ta.toString()).toBe('Our Clean river. Volunteers clean it twice a year.');
  });
});
