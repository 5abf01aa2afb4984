/** One entry of an Atom feed. */
export interface FeedEntry {
  id: string;
  title: string;
  summary: string;
  link: string;
  author: string;
  language: string;
  published: Date;
  updated: Date;
}

// XML 1.0 forbids most control characters even when escaped; they are dropped.
const INVALID_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text safe inside an XML element or a double-quoted attribute. */
export function xmlText(text: string): string {
  return text.replace(INVALID_XML, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** An Atom 1.0 document (RFC 4287); every text is escaped, summaries are plain text. */
export function atomFeed(feed: { id: string; title: string; selfUrl: string; siteUrl: string; updated: Date; entries: FeedEntry[] }): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlText(feed.id)}</id>`,
    `  <title>${xmlText(feed.title)}</title>`,
    `  <updated>${feed.updated.toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.siteUrl)}"/>`,
    '  <generator>Partnera</generator>',
  ];
  for (const e of feed.entries) {
    lines.push(
      `  <entry xml:lang="${xmlText(e.language)}">`,
      `    <id>urn:uuid:${xmlText(e.id)}</id>`,
      `    <title type="text">${xmlText(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(e.link)}"/>`,
      `    <author><name>${xmlText(e.author)}</name></author>`,
      `    <published>${e.published.toISOString()}</published>`,
      `    <updated>${e.updated.toISOString()}</updated>`,
      `    <summary type="text">${xmlText(e.summary)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
