import { normalize } from '../text/normalize';
import type { FilterNode } from './parse';

type Doc = Record<string, unknown>;

function fieldValues(doc: Doc, path: string): unknown[] | undefined {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Doc)[part];
  }
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

const asNumber = (v: unknown): number | null => {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return null;
};

/** Equality as Meilisearch does it: numbers by value, strings case- and diacritic-insensitively. */
function equals(field: unknown, value: string): boolean {
  if (typeof field === 'number') return asNumber(value) === field;
  if (typeof field === 'boolean') return String(field) === value.toLowerCase();
  if (typeof field === 'string') return normalize(field) === normalize(value);
  return false;
}

function compare(field: unknown, op: string, value: string): boolean {
  const a = asNumber(field);
  const b = asNumber(value);
  if (a === null || b === null) return false;
  switch (op) {
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    default:
      return a <= b;
  }
}

export function matchesFilter(node: FilterNode | null, doc: Doc): boolean {
  if (!node) return true;
  switch (node.kind) {
    case 'and':
      return node.children.every((c) => matchesFilter(c, doc));
    case 'or':
      return node.children.some((c) => matchesFilter(c, doc));
    case 'not':
      return !matchesFilter(node.child, doc);
    case 'exists':
      return fieldValues(doc, node.attribute) !== undefined;
    case 'null': {
      const raw = fieldValues(doc, node.attribute);
      return raw !== undefined && raw.length === 1 && raw[0] === null;
    }
    case 'empty': {
      const raw = fieldValues(doc, node.attribute);
      return raw !== undefined && (raw.length === 0 || raw[0] === '' || (raw.length === 1 && typeof raw[0] === 'object' && raw[0] !== null && Object.keys(raw[0]).length === 0));
    }
    case 'in': {
      const values = fieldValues(doc, node.attribute) ?? [];
      return values.some((v) => node.values.some((x) => equals(v, x)));
    }
    case 'range': {
      const values = fieldValues(doc, node.attribute) ?? [];
      return values.some((v) => compare(v, '>=', node.from) && compare(v, '<=', node.to));
    }
    case 'compare': {
      const values = fieldValues(doc, node.attribute) ?? [];
      if (node.op === '=') return values.some((v) => equals(v, node.value));
      // `!=` is the negation of `=`: documents without the field match it too.
      if (node.op === '!=') return !values.some((v) => equals(v, node.value));
      return values.some((v) => compare(v, node.op, node.value));
    }
  }
}
