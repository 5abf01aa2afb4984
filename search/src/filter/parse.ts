import { SearchEngineError } from '../engine/errors';

/**
 * Meilisearch's filter expression language, parsed to a tree: `=`, `!=`, `>`, `>=`, `<`, `<=`,
 * `a TO b`, `IN [..]`, `NOT IN`, `EXISTS`, `IS NULL`, `IS EMPTY` (each with NOT), `AND`, `OR`, `NOT`
 * and parentheses; values bare or quoted. The array form ([["a = 1", "b = 2"], "c = 3"]: outer AND,
 * inner OR) is accepted too.
 */
export type FilterNode =
  | { kind: 'and' | 'or'; children: FilterNode[] }
  | { kind: 'not'; child: FilterNode }
  | { kind: 'compare'; attribute: string; op: '=' | '!=' | '>' | '>=' | '<' | '<='; value: string }
  | { kind: 'range'; attribute: string; from: string; to: string }
  | { kind: 'in'; attribute: string; values: string[] }
  | { kind: 'exists' | 'null' | 'empty'; attribute: string };

export type FilterInput = string | Array<string | string[]>;

type Tok = { type: 'word' | 'quoted' | 'op' | 'punct'; text: string; at: number };

const fail = (message: string) => new SearchEngineError('invalid_search_filter', message);

function lex(input: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"' || ch === "'") {
      let j = i + 1;
      let text = '';
      while (j < input.length && input[j] !== ch) {
        if (input[j] === '\\' && j + 1 < input.length) j++;
        text += input[j];
        j++;
      }
      if (j >= input.length) throw fail(`Unterminated quote at ${i} in filter \`${input}\``);
      toks.push({ type: 'quoted', text, at: i });
      i = j + 1;
    } else if ('()[],'.includes(ch)) {
      toks.push({ type: 'punct', text: ch, at: i++ });
    } else if ('=!<>'.includes(ch)) {
      const two = input.slice(i, i + 2);
      const op = ['!=', '>=', '<='].includes(two) ? two : ch;
      if (op === '!') throw fail(`Unexpected "!" at ${i} in filter \`${input}\``);
      toks.push({ type: 'op', text: op, at: i });
      i += op.length;
    } else {
      let j = i;
      while (j < input.length && !/[\s()[\],=!<>"']/.test(input[j]!)) j++;
      toks.push({ type: 'word', text: input.slice(i, j), at: i });
      i = j;
    }
  }
  return toks;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly source: string,
  ) {}

  parse(): FilterNode {
    const node = this.or();
    if (this.pos < this.toks.length) throw this.unexpected();
    return node;
  }

  private peek() {
    return this.toks[this.pos];
  }

  private keyword(word: string, offset = 0): boolean {
    const tok = this.toks[this.pos + offset];
    return tok?.type === 'word' && tok.text.toUpperCase() === word;
  }

  private unexpected() {
    const tok = this.peek();
    return fail(tok ? `Unexpected "${tok.text}" at ${tok.at} in filter \`${this.source}\`` : `Filter \`${this.source}\` ends too early`);
  }

  private or(): FilterNode {
    const children = [this.and()];
    while (this.keyword('OR')) {
      this.pos++;
      children.push(this.and());
    }
    return children.length === 1 ? children[0]! : { kind: 'or', children };
  }

  private and(): FilterNode {
    const children = [this.not()];
    while (this.keyword('AND')) {
      this.pos++;
      children.push(this.not());
    }
    return children.length === 1 ? children[0]! : { kind: 'and', children };
  }

  private not(): FilterNode {
    if (this.keyword('NOT')) {
      this.pos++;
      return { kind: 'not', child: this.not() };
    }
    const tok = this.peek();
    if (tok?.type === 'punct' && tok.text === '(') {
      this.pos++;
      const inner = this.or();
      if (this.peek()?.text !== ')') throw this.unexpected();
      this.pos++;
      return inner;
    }
    return this.condition();
  }

  private value(): string {
    const tok = this.peek();
    if (!tok || (tok.type !== 'word' && tok.type !== 'quoted')) throw this.unexpected();
    this.pos++;
    return tok.text;
  }

  private condition(): FilterNode {
    const attribute = this.value();
    const tok = this.peek();
    if (tok?.type === 'op') {
      this.pos++;
      return { kind: 'compare', attribute, op: tok.text as '=', value: this.value() };
    }
    if (this.keyword('EXISTS')) {
      this.pos++;
      return { kind: 'exists', attribute };
    }
    if (this.keyword('IN')) return this.inList(attribute);
    if (this.keyword('NOT') && this.keyword('IN', 1)) {
      this.pos++;
      return { kind: 'not', child: this.inList(attribute) };
    }
    if (this.keyword('NOT') && this.keyword('EXISTS', 1)) {
      this.pos += 2;
      return { kind: 'not', child: { kind: 'exists', attribute } };
    }
    if (this.keyword('IS')) {
      this.pos++;
      const negate = this.keyword('NOT');
      if (negate) this.pos++;
      const what = this.keyword('NULL') ? 'null' : this.keyword('EMPTY') ? 'empty' : null;
      if (!what) throw this.unexpected();
      this.pos++;
      const node: FilterNode = { kind: what, attribute };
      return negate ? { kind: 'not', child: node } : node;
    }
    if (tok && (tok.type === 'word' || tok.type === 'quoted') && this.keyword('TO', 1)) {
      const from = this.value();
      this.pos++;
      return { kind: 'range', attribute, from, to: this.value() };
    }
    throw this.unexpected();
  }

  private inList(attribute: string): FilterNode {
    this.pos++;
    if (this.peek()?.text !== '[') throw this.unexpected();
    this.pos++;
    const values: string[] = [];
    while (this.peek()?.text !== ']') {
      values.push(this.value());
      if (this.peek()?.text === ',') this.pos++;
      else if (this.peek()?.text !== ']') throw this.unexpected();
    }
    this.pos++;
    return { kind: 'in', attribute, values };
  }
}

export function parseFilter(input: FilterInput | undefined | null): FilterNode | null {
  if (input === undefined || input === null) return null;
  if (Array.isArray(input)) {
    const children = input
      .map((part) => (Array.isArray(part) ? parseOr(part) : parseFilter(part)))
      .filter((n): n is FilterNode => n !== null);
    return children.length === 0 ? null : children.length === 1 ? children[0]! : { kind: 'and', children };
  }
  if (!input.trim()) return null;
  return new Parser(lex(input), input).parse();
}

function parseOr(parts: string[]): FilterNode | null {
  const children = parts.map((p) => parseFilter(p)).filter((n): n is FilterNode => n !== null);
  return children.length === 0 ? null : children.length === 1 ? children[0]! : { kind: 'or', children };
}

/** Attributes a filter names, to check them against the filterable ones. */
export function filterAttributes(node: FilterNode | null, into = new Set<string>()): Set<string> {
  if (!node) return into;
  if (node.kind === 'and' || node.kind === 'or') node.children.forEach((c) => filterAttributes(c, into));
  else if (node.kind === 'not') filterAttributes(node.child, into);
  else if ('attribute' in node) into.add(node.attribute);
  return into;
}
