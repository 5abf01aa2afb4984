import type { Db } from '@partnera/db';
import type { App } from '@partnera/server';
import type { NewsPost } from '@partnera/server/api-types';
import { sql } from 'kysely';
import type { TestUser } from './factories';

/** Makes `userId` a member of the organisation straight in the database (the invitation flow has its own tests). */
export async function joinOrganisation(db: Db, organisationId: string, userId: string, role: 'owner' | 'editor' | 'member'): Promise<void> {
  await sql`insert into memberships (organisation_id, user_id, role) values (${organisationId}, ${userId}, ${role})
    on conflict (organisation_id, user_id) do update set role = excluded.role`.execute(db);
}

export async function writeNews(app: App, user: TestUser, payload: Record<string, unknown>): Promise<NewsPost> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/news', headers: user.auth, payload: { language: 'en', body: 'Some news.', ...payload } });
  if (res.statusCode !== 201) throw new Error(`write news failed: ${res.statusCode} ${res.body}`);
  return res.json<NewsPost>();
}

/**
 * A strict enough XML well-formedness check for generated feeds: one root, balanced tags, quoted
 * attributes, only the predefined or numeric entities, no stray `<` or `&` in text.
 */
export function assertWellFormedXml(xml: string): void {
  const text = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
  const token = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*="[^"<]*")*)\s*(\/?)>/g;
  const stack: string[] = [];
  let roots = 0;
  let at = 0;
  const checkText = (chunk: string) => {
    if (chunk.includes('<')) throw new Error(`stray '<' in text: ${chunk.slice(0, 60)}`);
    if (/&/.test(chunk.replace(entity, ''))) throw new Error(`bad entity in: ${chunk.slice(0, 60)}`);
    if (stack.length === 0 && chunk.trim()) throw new Error(`text outside the root: ${chunk.slice(0, 60)}`);
  };
  for (const m of text.matchAll(token)) {
    checkText(text.slice(at, m.index));
    at = m.index! + m[0].length;
    const [, closing, name, attrs, selfClosing] = m;
    if (/&/.test((attrs ?? '').replace(entity, ''))) throw new Error(`bad entity in attributes of <${name}>`);
    if (closing) {
      if (stack.pop() !== name) throw new Error(`unbalanced </${name}>`);
    } else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
  }
  checkText(text.slice(at));
  if (stack.length) throw new Error(`unclosed <${stack.at(-1)}>`);
  if (roots !== 1) throw new Error(`expected one root element, found ${roots}`);
}
