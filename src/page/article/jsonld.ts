/**
 * JSON-LD blocks of a page, flattened: top-level objects, arrays and `@graph` members all come
 * out as one list of plain objects. Sites ship broken JSON-LD (trailing commas, raw newlines in
 * strings, several objects pasted together); a block that cannot be read is skipped, never thrown.
 */

export type JsonLdNode = Record<string, unknown>;

export function readJsonLd(doc: Document): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    const parsed = parseLenient(script.textContent ?? '');
    if (parsed !== undefined) collect(parsed, nodes, 0);
  }
  return nodes;
}

function parseLenient(source: string): unknown {
  const text = source.trim().replace(/^<!--|-->$/g, '').replace(/^\s*\/\/<!\[CDATA\[|\/\/\]\]>\s*$/g, '');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // Raw control characters inside strings and trailing commas are the usual faults.
    try {
      return JSON.parse(text.replace(/[\u0000-\u001F]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return undefined;
    }
  }
}

function collect(value: unknown, out: JsonLdNode[], depth: number): void {
  if (depth > 4 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) collect(v, out, depth + 1);
    return;
  }
  const node = value as JsonLdNode;
  out.push(node);
  if (node['@graph'] !== undefined) collect(node['@graph'], out, depth + 1);
  // A WebPage often carries the article as mainEntity.
  if (node.mainEntity !== undefined) collect(node.mainEntity, out, depth + 1);
}

/** The node's @type values, e.g. ['NewsArticle']. */
export function typesOf(node: JsonLdNode): string[] {
  const t = node['@type'];
  if (typeof t === 'string') return [t.replace(/^https?:\/\/schema\.org\//, '')];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^https?:\/\/schema\.org\//, ''));
  return [];
}

export const ARTICLE_TYPES = new Set([
  'NewsArticle',
  'Article',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'AskPublicNewsArticle',
  'LiveBlogPosting',
  'BlogPosting',
  'Report',
]);

export function isArticleNode(node: JsonLdNode): boolean {
  return typesOf(node).some((t) => ARTICLE_TYPES.has(t));
}

/** A string field, or the `name` of an object field (publisher: {name}). */
export function stringField(node: JsonLdNode, key: string): string {
  const v = node[key];
  if (typeof v === 'string') return v.trim();
  if (Array.isArray(v)) {
    for (const item of v) {
      if (typeof item === 'string' && item.trim()) return item.trim();
      if (item && typeof item === 'object' && typeof (item as JsonLdNode).name === 'string') return String((item as JsonLdNode).name).trim();
    }
  }
  if (v && typeof v === 'object' && typeof (v as JsonLdNode).name === 'string') return String((v as JsonLdNode).name).trim();
  return '';
}
