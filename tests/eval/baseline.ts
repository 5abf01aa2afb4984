import { connectDatabase, type DatabaseHandle } from '@partnera/db';
import type { MeasureSource } from '@partnera/search';
import { sql } from 'kysely';

/**
 * The plain baseline: PostgreSQL's `simple` full-text configuration (no stemming, no synonyms) in an
 * embedded PGlite, ranking measures by ts_rank against an OR of the idea's words.
 */
export class FullTextBaseline {
  private constructor(private readonly handle: DatabaseHandle) {}

  static async create(measures: MeasureSource[]): Promise<FullTextBaseline> {
    const handle = connectDatabase({ dataDir: 'memory://' });
    await sql`create table eval_measures (id text primary key, municipality text not null, body tsvector not null)`.execute(handle.db);
    for (const m of measures) {
      const text = [m.title, m.description, m.objectiveTitle, m.priorityTitle].join(' ');
      await sql`insert into eval_measures values (${m.id}, ${m.municipality}, to_tsvector('simple', ${text}))`.execute(handle.db);
    }
    return new FullTextBaseline(handle);
  }

  async rank(text: string, municipalities: string[] | undefined, limit = 10): Promise<string[]> {
    const words = [...new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1))];
    if (words.length === 0) return [];
    const query = words.map((w) => `'${w}'`).join(' | ');
    const rows = await sql<{ id: string }>`
      select id from eval_measures
      where (${municipalities ?? null}::text[] is null or municipality = any(${municipalities ?? null}::text[]))
      order by ts_rank(body, to_tsquery('simple', ${query})) desc, id
      limit ${limit}`.execute(this.handle.db);
    return rows.rows.map((r) => r.id);
  }

  close() {
    return this.handle.close();
  }
}
