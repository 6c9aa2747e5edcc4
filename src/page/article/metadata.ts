/** Title, site name and canonical URL from what a page says about itself. */
import { isArticleNode, stringField, typesOf, type JsonLdNode } from './jsonld';

/** First non-empty `content` of the meta tags named (by name, property or itemprop), in the order given. */
export function metaContent(doc: Document, ...keys: string[]): string {
  const root = doc.head ?? doc.documentElement;
  if (!root) return '';
  const metas = Array.from(root.getElementsByTagName('meta'));
  for (const key of keys) {
    const k = key.toLowerCase();
    for (const meta of metas) {
      const name = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '').toLowerCase();
      if (name === k) {
        const content = (meta.getAttribute('content') ?? '').trim();
        if (content) return content;
      }
    }
  }
  return '';
}

export function collapseSpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}


/**
 * Removes a site name stuck to a title: "Headline - Site", "Site | Headline",
 * "Headline - Section - Site". Only parts that look like the site (its name or hostname) or are
 * short trailing labels go; the headline itself (the longest part) stays.
 */
export function stripSiteFromTitle(title: string, siteNames: string[]): string {
  const clean = collapseSpaces(title);
  const parts = clean.split(/\s+[-–—|•·]\s+|\s*\|\s*/).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return clean;
  const names = siteNames.map((n) => n.toLowerCase()).filter(Boolean);
  const looksLikeSite = (part: string): boolean => {
    const p = part.toLowerCase();
    return names.some((n) => n === p || n.includes(p) || p.includes(n)) || /\.(com|net|org|tv|ae|sa|eg|info|news)\b/i.test(part);
  };
  // Keep the longest part and whatever sits between it and the first site-like part.
  let longest = 0;
  parts.forEach((p, i) => {
    if (p.length > parts[longest]!.length) longest = i;
  });
  const siteParts = parts.filter(looksLikeSite);
  if (siteParts.length === 0 && parts[longest]!.length < clean.length * 0.6) return clean;
  return parts[longest]!;
}

export function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export function siteName(doc: Document, jsonLd: JsonLdNode[], url: string): string {
  const og = metaContent(doc, 'og:site_name', 'application-name', 'al:android:app_name');
  if (og) return collapseSpaces(og);
  for (const node of jsonLd) {
    if (isArticleNode(node)) {
      const publisher = stringField(node, 'publisher');
      if (publisher) return publisher;
    }
  }
  for (const node of jsonLd) {
    if (typesOf(node).some((t) => t === 'NewsMediaOrganization' || t === 'Organization' || t === 'WebSite')) {
      const name = stringField(node, 'name');
      if (name) return name;
    }
  }
  return hostnameOf(url);
}

/** Candidates for the headline, best first; each still carries whatever suffix the site adds. */
export function titleCandidates(doc: Document, jsonLd: JsonLdNode[]): string[] {
  const out: string[] = [];
  const og = metaContent(doc, 'og:title', 'twitter:title');
  if (og) out.push(og);
  for (const node of jsonLd) if (isArticleNode(node)) out.push(stringField(node, 'headline'));
  const h1s = Array.from(doc.getElementsByTagName('h1'));
  if (h1s.length === 1) out.push(h1s[0]!.textContent ?? '');
  out.push(doc.title ?? '');
  return out.map(collapseSpaces).filter((t) => t.length > 0);
}

export function pickTitle(doc: Document, jsonLd: JsonLdNode[], site: string, url: string): string {
  const candidates = titleCandidates(doc, jsonLd);
  const first = candidates[0];
  if (first === undefined) return '';
  const names = [site, hostnameOf(url), hostnameOf(url).split('.')[0] ?? ''];
  const stripped = stripSiteFromTitle(first, names);
  // og:title is sometimes cut short ("Obama admits US gun laws are his"); a longer candidate that starts the same way wins.
  for (const other of candidates.slice(1)) {
    const o = stripSiteFromTitle(other, names);
    if (o.length > stripped.length && o.startsWith(stripped) && o.length < stripped.length * 3) return o;
  }
  return stripped;
}

export function canonicalUrl(doc: Document, url: string): string {
  const link = doc.querySelector('link[rel="canonical" i]')?.getAttribute('href') ?? metaContent(doc, 'og:url');
  if (!link) return url;
  try {
    return new URL(link, url || undefined).href;
  } catch {
    return url || link;
  }
}
