import type { ActionReturn } from 'svelte/action';
import type * as Y from 'yjs';

export interface YTextBinding {
  text: Y.Text;
  readonly?: boolean;
  /** The caret while the field has focus (index and selection length in the text); null on blur. */
  oncursor?: (cursor: { index: number; length: number } | null) => void;
}

type Field = HTMLInputElement | HTMLTextAreaElement;
type DeltaOp = { insert?: unknown; delete?: number; retain?: number };

/** Where an index of the old text ends up after a change; `after` moves it past an insert at the same spot. */
export function mapIndex(delta: readonly DeltaOp[], index: number, after = false): number {
  let pos = 0;
  let moved = index;
  for (const op of delta) {
    if (op.retain !== undefined) {
      pos += op.retain;
    } else if (op.insert !== undefined) {
      const len = typeof op.insert === 'string' ? op.insert.length : 1;
      if (pos < index || (pos === index && after)) moved += len;
    } else if (op.delete !== undefined) {
      if (pos < index) moved -= Math.min(op.delete, index - pos);
      pos += op.delete;
    }
    if (pos > index) break;
  }
  return Math.max(0, moved);
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The smallest single replacement turning `before` into `after`. `caret` (where the cursor is after the
 * edit) decides between equal answers, so typing "a" into "aa" inserts where the user typed it.
 * Surrogate pairs are never split.
 */
export function textChange(before: string, after: string, caret?: number): { index: number; remove: number; insert: string } {
  let limit = Math.min(before.length, after.length);
  if (caret !== undefined) limit = Math.min(limit, Math.max(0, caret - Math.max(0, after.length - before.length)));
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  const maxSuffix = Math.min(before.length, after.length) - prefix;
  while (suffix < maxSuffix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return { index: prefix, remove: before.length - prefix - suffix, insert: after.slice(prefix, after.length - suffix) };
}

/**
 * Two-way binding of an <input> or <textarea> to a Y.Text. Local typing becomes the minimal delete/insert
 * on the shared text (so concurrent typing merges); remote changes update the field while keeping the
 * local caret and selection where they were relative to the text around them. During IME composition
 * the field is left alone; remote changes arriving then are applied when the composition ends.
 */
export function ytext(node: Field, binding: YTextBinding): ActionReturn<YTextBinding> {
  let text = binding.text;
  let oncursor = binding.oncursor;
  /** The text as the field last showed it. */
  let shadow = text.toString();
  let composing = false;
  /** Remote changes that arrived during a composition, to map the local edit through. */
  let queued: DeltaOp[][] = [];
  const origin = {};

  node.value = shadow;
  node.readOnly = binding.readonly ?? false;

  function reportCursor() {
    if (document.activeElement !== node) return;
    const start = node.selectionStart ?? 0;
    const end = node.selectionEnd ?? start;
    oncursor?.({ index: start, length: end - start });
  }

  function show(value: string, selection: [number, number] | null) {
    shadow = value;
    if (node.value !== value) node.value = value;
    if (selection && document.activeElement === node) node.setSelectionRange(selection[0], selection[1]);
  }

  function applyLocal() {
    const value = node.value;
    if (value === shadow || node.readOnly) {
      queued = [];
      return;
    }
    const caret = node.selectionStart === node.selectionEnd ? (node.selectionEnd ?? undefined) : undefined;
    const change = textChange(shadow, value, caret);
    let from = change.index;
    let to = change.index + change.remove;
    for (const delta of queued) {
      from = mapIndex(delta, from);
      to = Math.max(from, mapIndex(delta, to));
    }
    const hadRemote = queued.length > 0;
    queued = [];
    const apply = () => {
      if (to > from) text.delete(from, to - from);
      if (change.insert) text.insert(from, change.insert);
    };
    if (text.doc) text.doc.transact(apply, origin);
    else apply();
    const now = text.toString();
    const caretAt = from + change.insert.length;
    if (hadRemote || now !== value) show(now, [caretAt, caretAt]);
    else shadow = now;
  }

  function observer(event: Y.YTextEvent, transaction: Y.Transaction) {
    if (transaction.origin === origin) return;
    const delta = event.delta as DeltaOp[];
    if (composing) {
      queued.push(delta);
      return;
    }
    // A local edit not yet read from the field (possible between keydown and input) goes first.
    if (node.value !== shadow) {
      queued.push(delta);
      applyLocal();
      return;
    }
    const start = node.selectionStart ?? 0;
    const end = node.selectionEnd ?? start;
    const collapsed = start === end;
    const newStart = mapIndex(delta, start);
    const newEnd = collapsed ? newStart : mapIndex(delta, end);
    show(text.toString(), [newStart, newEnd]);
  }

  const onInput = (e: Event) => {
    if (composing || (e as InputEvent).isComposing) return;
    applyLocal();
    reportCursor();
  };
  const onCompositionStart = () => {
    composing = true;
  };
  const onCompositionEnd = () => {
    composing = false;
    applyLocal();
    if (node.value !== text.toString()) show(text.toString(), null);
  };
  const onBlur = () => oncursor?.(null);

  node.addEventListener('input', onInput);
  node.addEventListener('compositionstart', onCompositionStart);
  node.addEventListener('compositionend', onCompositionEnd);
  node.addEventListener('focus', reportCursor);
  node.addEventListener('keyup', reportCursor);
  node.addEventListener('mouseup', reportCursor);
  node.addEventListener('select', reportCursor);
  node.addEventListener('blur', onBlur);
  text.observe(observer);

  return {
    update(next) {
      oncursor = next.oncursor;
      node.readOnly = next.readonly ?? false;
      if (next.text !== text) {
        text.unobserve(observer);
        text = next.text;
        queued = [];
        text.observe(observer);
        show(text.toString(), null);
      }
    },
    destroy() {
      text.unobserve(observer);
      node.removeEventListener('input', onInput);
      node.removeEventListener('compositionstart', onCompositionStart);
      node.removeEventListener('compositionend', onCompositionEnd);
      node.removeEventListener('focus', reportCursor);
      node.removeEventListener('keyup', reportCursor);
      node.removeEventListener('mouseup', reportCursor);
      node.removeEventListener('select', reportCursor);
      node.removeEventListener('blur', onBlur);
    },
  };
}
