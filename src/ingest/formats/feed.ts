/** RSS 2.0, RSS 1.0 (RDF) and Atom feed files: one document per item/entry. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { toIsoDate } from '../dates.js';
import type { InputItem } from '../document.js';
import { parseHtmlFragment } from '../html.js';
import { sha256Hex } from '../normalize.js';

type Node = Record<string, unknown>;

const ARRAYS = new Set(['item', 'entry', 'link', 'category', 'author']);

/** Documents of a feed; throws an Error whose message is the reason when the file is not a feed. */
export function feedDocuments(xml: string, locator: string, seenAt: string): InputItem[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new Error(`not a valid XML feed (line ${valid.err.line}: ${valid.err.msg})`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    isArray: (name) => ARRAYS.has(name),
    parseTagValue: false,
    trimValues: true,
  });
  const root = parser.parse(xml) as Node;
  const rss = root.rss as Node | undefined;
  const atom = root.feed as Node | undefined;
  const rdf = root['rdf:RDF'] as Node | undefined;
  let outlet: string | null;
  let items: Node[];
  if (rss) {
    const channel = (rss.channel ?? {}) as Node;
    outlet = text(channel.title);
    items = (channel.item as Node[] | undefined) ?? [];
  } else if (atom) {
    outlet = text(atom.title);
    items = (atom.entry as Node[] | undefined) ?? [];
  } else if (rdf) {
    outlet = text((rdf.channel as Node | undefined)?.title);
    items = (rdf.item as Node[] | undefined) ?? [];
  } else {
    const name = Object.keys(root).find((k) => !k.startsWith('?')) ?? '(none)';
    throw new Error(`XML but not an RSS or Atom feed (root element <${name}>)`);
  }
  const out: InputItem[] = [];
  items.forEach((item, i) => {
    const link = itemLink(item);
    const guid = text(item.guid) ?? text(item.id) ?? link;
    const where = `${locator}#${guid ?? `item-${i + 1}`}`;
    const body =
      text(item['content:encoded']) ?? text(item.content) ?? text(item.description) ?? text(item.summary) ?? '';
    const { text: bodyText, embeds } = parseHtmlFragment(body);
    const bytes = Buffer.byteLength(JSON.stringify(item));
    if (bodyText.trim().length === 0 && embeds.length === 0) {
      out.push({ kind: 'failure', failure: { locator: where, reason: 'feed item has no text' }, bytes });
      return;
    }
    const published = toIsoDate(
      text(item.pubDate) ?? text(item.published) ?? text(item['dc:date']) ?? text(item.updated),
    );
    out.push({
      kind: 'document',
      bytes,
      doc: {
        text: bodyText,
        embeds,
        source: { kind: 'feed-item', locator: where, externalId: guid, seenAt },
        title: text(item.title),
        author: authorOf(item),
        outlet,
        url: link,
        published,
        publishedSource: published ? 'feed-item' : 'none',
        rawSha256: sha256Hex(JSON.stringify(item)),
      },
    });
  });
  if (out.length === 0) throw new Error('feed has no items');
  return out;
}

function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') return text((v as Node)['#text']);
  const s = String(v).trim();
  return s ? s : null;
}

function itemLink(item: Node): string | null {
  const links = (item.link as unknown[] | undefined) ?? [];
  for (const l of links) {
    if (typeof l === 'string' && l.trim()) return l.trim();
    if (l && typeof l === 'object') {
      const o = l as Node;
      const rel = o['@_rel'];
      if ((rel === undefined || rel === 'alternate') && typeof o['@_href'] === 'string') return o['@_href'];
      const t = text(o);
      if (t) return t;
    }
  }
  return null;
}

function authorOf(item: Node): string | null {
  const authors = (item.author as unknown[] | undefined) ?? [];
  const names = authors
    .map((a) => (a && typeof a === 'object' && 'name' in (a as Node) ? text((a as Node).name) : text(a)))
    .filter((n): n is string => n !== null);
  if (names.length > 0) return names.join(', ');
  return text(item['dc:creator']);
}
