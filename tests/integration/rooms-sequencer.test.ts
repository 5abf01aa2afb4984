import { describe, expect, it, vi } from 'vitest';
import { RoomSequencer, type SequencedMessage } from '../../web/src/lib/realtime/sequencer';

const m = (seq: number, rev = seq): SequencedMessage => ({ id: `id${seq}`, seq, rev });
const answer = (lastSeq: number, messages: SequencedMessage[], more = false, changed: SequencedMessage[] = []) => ({
  room: { lastSeq },
  messages,
  changed,
  more,
  syncedRev: lastSeq,
});

function setup(gapWaitMs = 50) {
  const delivered: number[] = [];
  const updated: number[] = [];
  const syncs: Array<[number, number]> = [];
  const seq = new RoomSequencer<SequencedMessage>({
    deliver: (x) => delivered.push(x.seq),
    update: (x) => updated.push(x.seq),
    requestSync: (a, r) => syncs.push([a, r]),
    gapWaitMs,
  });
  return { seq, delivered, updated, syncs };
}

describe('the room sequencer (web client and tests)', () => {
  it('starts from the first answer and delivers live messages once, in order', () => {
    const { seq, delivered } = setup();
    seq.applyAnswer(answer(3, [m(2), m(3)]));
    seq.receive(m(3));
    seq.receive(m(4));
    seq.receive(m(4));
    expect(delivered).toEqual([2, 3, 4]);
    expect(seq.lastSeq).toBe(4);
    expect(seq.duplicates).toBe(2);
  });

  it('keeps messages that arrive before the join answer until it comes', () => {
    const { seq, delivered } = setup();
    seq.receive(m(6));
    seq.receive(m(5));
    seq.applyAnswer(answer(4, [m(3), m(4)]));
    expect(delivered).toEqual([3, 4, 5, 6]);
  });

  it('reorders messages that overtake each other across server processes', () => {
    const { seq, delivered, syncs } = setup();
    seq.applyAnswer(answer(0, []));
    seq.receive(m(2));
    seq.receive(m(3));
    expect(delivered).toEqual([]);
    seq.receive(m(1));
    expect(delivered).toEqual([1, 2, 3]);
    expect(syncs).toEqual([]);
  });

  it('asks for a sync when a gap does not fill, and the answer fills it', () => {
    vi.useFakeTimers();
    try {
      const { seq, delivered, syncs } = setup(50);
      seq.applyAnswer(answer(1, [m(1)]));
      seq.receive(m(3));
      vi.advanceTimersByTime(49);
      expect(syncs).toEqual([]);
      vi.advanceTimersByTime(2);
      expect(syncs).toEqual([[1, 1]]);
      seq.applyAnswer(answer(3, [m(2), m(3)]));
      expect(delivered).toEqual([1, 2, 3]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('catches up when the room is ahead of it, and keeps paging while there is more', () => {
    const { seq, syncs, delivered } = setup();
    seq.applyAnswer(answer(2, [m(1), m(2)]));
    seq.noteHead(2);
    expect(syncs).toEqual([]);
    seq.noteHead(5);
    expect(syncs).toEqual([[2, 2]]);
    seq.applyAnswer(answer(5, [m(3)], true));
    expect(syncs).toEqual([[2, 2], [3, 5]]);
    seq.applyAnswer(answer(5, [m(4), m(5)]));
    expect(delivered).toEqual([1, 2, 3, 4, 5]);
  });

  it('passes on changes to delivered messages only', () => {
    const { seq, updated } = setup();
    seq.applyAnswer(answer(2, [m(1), m(2)], false, []));
    seq.receiveUpdate(m(1, 7));
    seq.receiveUpdate(m(9, 8));
    seq.applyAnswer({ ...answer(2, [], false, [m(2, 9)]), syncedRev: 9 });
    expect(updated).toEqual([1, 2]);
    expect(seq.syncedRev).toBe(9);
  });
});
