/**
 * What a URL's shape says about the page: a news article lives at a dated path, a long slug or
 * a numeric id; home pages, sections, tags and searches live at short or generic paths.
 */
import { dateFromUrl } from './published';

export type UrlKind = 'unknown' | 'home' | 'listing' | 'search' | 'article' | 'wiki' | 'forum' | 'shop' | 'video';

export interface UrlShape {
  kind: UrlKind;
  /** Human-readable, e.g. 'dated URL path' or 'URL is a tag listing (/tag/)'. */
  reason: string;
  dated: boolean;
}

const LISTING_SEGMENT = /^(?:category|categories|cat|tag|tags|topic|topics|section|sections|archive|archives|author|authors|page|label|labels|hashtag|قسم|تصنيف|وسم|وسوم|اقسام|أقسام)$/i;
const FORUM_PATH = /\/(?:forums?|showthread|viewtopic|threads?|vb|community|montada|منتدى|منتديات)(?:[/.?]|$)|showthread\.php|viewtopic\.php/i;
const SHOP_PATH = /\/(?:product|products|shop|store|cart|dp|item|items|منتج|منتجات)(?:\/|$)/i;
const VIDEO_PATH = /\/(?:video|videos|watch|tv|live|فيديو)(?:\/|$)/i;
const SEARCH_PARAMS = ['q', 's', 'query', 'search', 'keyword', 'keywords', 'text'];

export function urlShape(url: string): UrlShape {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { kind: 'unknown', reason: 'no usable URL', dated: false };
  }
  if (!/^https?:$/.test(u.protocol)) return { kind: 'unknown', reason: `${u.protocol} URL`, dated: false };
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    path = u.pathname;
  }
  const host = u.hostname.toLowerCase();
  const dated = dateFromUrl(url) !== '';
  if (/(^|\.)(wikipedia|wikimedia|wikiwand|wikibooks|wikinews)\.org$/.test(host)) return { kind: 'wiki', reason: `Wikipedia-like site (${host})`, dated };
  if (SEARCH_PARAMS.some((p) => u.searchParams.has(p)) || /\/(?:search|بحث)(?:\/|$)/i.test(path)) {
    return { kind: 'search', reason: 'URL is a search', dated };
  }
  const segments = path.split('/').filter((s) => s && !/^(?:index|default|home)(?:\.\w+)?$/i.test(s));
  // A leading language segment (/ar/, /arabic/) does not make a page deeper.
  const meaningful = segments.filter((s) => !/^(?:ar|en|fr|arabic|amp)$/i.test(s));
  // forEach, not entries(): in a Firefox content script URLSearchParams' iterators come from another
  // compartment and are not iterable there.
  let idParam = false;
  u.searchParams.forEach((v, k) => {
    if (/^(?:id|p|nid|article|story|newsid|artid)$/i.test(k) && /^\d{3,}$/.test(v)) idParam = true;
  });
  // /?p=123 and /index.php?id=123 are articles at the root.
  if (meaningful.length === 0) return idParam ? { kind: 'article', reason: 'URL with an article id', dated } : { kind: 'home', reason: 'URL is a site root', dated };
  if (FORUM_PATH.test(path) || /(^|\.)(forum|forums|vb|montada)\./.test(host)) return { kind: 'forum', reason: 'URL is a forum', dated };
  if (SHOP_PATH.test(path)) return { kind: 'shop', reason: 'URL is a shop page', dated };

  const last = meaningful[meaningful.length - 1]!;
  const slugWords = last.replace(/\.\w{2,5}$/, '').split(/[-_+\s]+/).filter((w) => w.length > 1).length;
  const hasId = meaningful.some((s) => /(?:^|\D)\d{4,}(?:\D|$)/.test(s) && !/^(?:19|20)\d\d$/.test(s));
  const longSlug = meaningful.some((s) => s.replace(/\.\w{2,5}$/, '').split(/[-_+\s]+/).filter((w) => w.length > 1).length >= 3);

  const listingSegment = meaningful.find((s) => LISTING_SEGMENT.test(s));
  if (listingSegment && !(dated || (hasId && longSlug))) {
    return { kind: 'listing', reason: `URL is a listing (/${listingSegment}/)`, dated };
  }
  if (VIDEO_PATH.test(path) && !longSlug && !dated) return { kind: 'video', reason: 'URL is a video page', dated };
  if (dated) return { kind: 'article', reason: 'dated URL path', dated };
  if (hasId || idParam) return { kind: 'article', reason: 'URL with an article id', dated };
  if (longSlug || slugWords >= 3) return { kind: 'article', reason: 'URL with a headline slug', dated };
  if (meaningful.length === 1 && last.length < 25) return { kind: 'listing', reason: `URL is a short section path (/${last}/)`, dated };
  return { kind: 'unknown', reason: 'URL shape says nothing', dated };
}
