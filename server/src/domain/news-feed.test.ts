import { describe, expect, it } from 'vitest';
import { atomFeed, xmlText } from './news-feed';

describe('news feed XML', () => {
  it('escapes markup, drops characters XML cannot hold and keeps every other letter', () => {
    expect(xmlText(`<b>"Tom" & 'Jerry'</b>`)).toBe('&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;');
    expect(xmlText('bell\u0007 nul\u0000 tab\t')).toBe('bell nul tab\t');
    expect(xmlText('Ekoloji Təşəbbüslər · Читалище · Shqipëri · 🌊')).toBe('Ekoloji Təşəbbüslər · Читалище · Shqipëri · 🌊');
  });

  it('writes one entry per post with absolute links and ISO dates', () => {
    const at = new Date('2026-03-01T10:00:00Z');
    const xml = atomFeed({
      id: 'https://example.test/api/v1/news/feed.xml',
      title: 'A & B news',
      selfUrl: 'https://example.test/api/v1/news/feed.xml?a=1&b=2',
      siteUrl: 'https://example.test/news',
      updated: at,
      entries: [{ id: 'abc', title: 'Hello <world>', summary: 'Short', link: 'https://example.test/news/abc', author: 'Org', language: 'bg', published: at, updated: at }],
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(xml).toContain('<title>A &amp; B news</title>');
    expect(xml).toContain('href="https://example.test/api/v1/news/feed.xml?a=1&amp;b=2"');
    expect(xml).toContain('<entry xml:lang="bg">');
    expect(xml).toContain('<title type="text">Hello &lt;world&gt;</title>');
    expect(xml).toContain('<published>2026-03-01T10:00:00.000Z</published>');
    expect(xml.match(/<entry/g)).toHaveLength(1);
  });
});
