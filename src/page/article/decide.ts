/**
 * The verdict: is this page one Arabic news article? Language gates first (a Persian article
 * is not an Arabic article, however article-like), then the kinds of page that are never news
 * articles, then a score over every signal the page gives. Each signal adds a short phrase to
 * the reason, so a wrong verdict can be traced to what caused it.
 */
import { LANGUAGE_NAMES, type LanguageGuess } from '../../nlp/text/language';
import type { PageSignals } from './signals';
import type { UrlShape } from './urlShape';

export interface Evidence {
  language: LanguageGuess;
  url: UrlShape;
  signals: PageSignals;
  /** @type values of the JSON-LD nodes. */
  schemaTypes: Set<string>;
  ogType: string;
  bodyChars: number;
  paragraphs: number;
  /** Where the publication date came from ('none found' when there is none). */
  publishedSource: string;
  /** Paragraphs of the extracted body with 100+ characters. */
  proseParagraphs: number;
  /** The page has exactly one <h1> and it is the headline (listings head with a section name). */
  titleIsH1: boolean;
  /** A reason the body could not be extracted, or ''. */
  extractionFailure: string;
}

export interface Verdict {
  isArticle: boolean;
  confidence: number;
  reason: string;
  score: number;
}

const NEWS_TYPES = ['NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BackgroundNewsArticle', 'LiveBlogPosting'];
const GENERIC_ARTICLE_TYPES = ['Article', 'BlogPosting', 'Report', 'ReviewNewsArticle', 'AskPublicNewsArticle'];

/** Score at or above which the page is taken as an article. */
export const ARTICLE_THRESHOLD = 3;

const round2 = (x: number) => Math.round(x * 100) / 100;

function no(reason: string, confidence: number, score = -10): Verdict {
  return { isArticle: false, confidence: round2(Math.min(0.99, Math.max(0.5, confidence))), reason, score };
}

export function decide(e: Evidence): Verdict {
  const { language: lang, url, signals } = e;
  if (e.bodyChars === 0 && signals.visibleChars < 100) {
    return no(`no body text (${signals.visibleChars} visible characters)${e.extractionFailure ? `: ${e.extractionFailure}` : ''}`, 0.95);
  }
  if (lang.lang !== 'ar') {
    return no(`not Arabic: ${LANGUAGE_NAMES[lang.lang]} (${lang.evidence})`, lang.confidence);
  }
  const hasNewsSchema = NEWS_TYPES.some((t) => e.schemaTypes.has(t));
  const hasArticleSchema = hasNewsSchema || GENERIC_ARTICLE_TYPES.some((t) => e.schemaTypes.has(t));
  if (signals.wiki || url.kind === 'wiki') return no(`encyclopedia page: ${signals.wiki || url.reason}`, 0.95);
  if (signals.forum && !hasNewsSchema) return no(`forum: ${signals.forum}`, 0.9);
  if (url.kind === 'forum' && !hasNewsSchema) return no(url.reason, 0.8);
  if (signals.shop && !hasArticleSchema) return no(`shop: ${signals.shop}`, 0.9);
  if (url.kind === 'search') return no(url.reason, 0.9);
  if (url.kind === 'home') return no(`home page (${url.reason})`, 0.9);
  if (e.extractionFailure && e.bodyChars === 0) return no(`no article body: ${e.extractionFailure}`, 0.9);
  if (signals.video && e.bodyChars < 600) return no(`video page with little text (${e.bodyChars} characters)`, 0.85);
  if (e.bodyChars < 150) return no(`too little body text (${e.bodyChars} characters)`, 0.9);

  let score = 0;
  const pro: string[] = [];
  const con: string[] = [];
  const add = (points: number, phrase: string) => {
    score += points;
    (points >= 0 ? pro : con).push(phrase);
  };

  if (hasNewsSchema) add(3, `JSON-LD ${NEWS_TYPES.find((t) => e.schemaTypes.has(t))}`);
  else if (hasArticleSchema) add(2, `JSON-LD ${GENERIC_ARTICLE_TYPES.find((t) => e.schemaTypes.has(t))}`);
  if (e.ogType === 'article') add(1.5, 'og:type article');
  else if (e.ogType === 'website') add(-1, 'og:type website');
  if (e.publishedSource !== 'none found' && e.publishedSource !== 'URL' && e.publishedSource !== 'visible date text') add(1, `date in ${e.publishedSource}`);

  if (url.kind === 'article') add(url.dated ? 2 : 1.5, url.reason);
  else if (url.kind === 'listing') add(-3.5, url.reason);
  else if (url.kind === 'video') add(-1.5, url.reason);

  if (e.bodyChars >= 1500) add(2.5, `${e.bodyChars} characters of body in ${e.paragraphs} paragraphs`);
  else if (e.bodyChars >= 700) add(1.5, `${e.bodyChars} characters of body`);
  else if (e.bodyChars >= 350) add(0.5, `short body (${e.bodyChars} characters)`);
  else add(-1.5, `very short body (${e.bodyChars} characters)`);

  // Prose: several real paragraphs, which teaser lists and link lines seldom leave after cleaning.
  if (e.proseParagraphs >= 3) add(0.5, `${e.proseParagraphs} prose paragraphs`);

  // Listings: many headline links, teaser cards, text that is mostly links. Articles carry
  // related-story boxes too, so the penalty shrinks with a long clean body, is capped, and is
  // halved when the URL itself has an article's shape.
  const listing: string[] = [];
  let listingPenalty = 0;
  const teaserHeavy = signals.headlineLinks >= 25 && signals.headlineLinks * 60 > Math.max(signals.paragraphChars, e.bodyChars);
  if (teaserHeavy) {
    listingPenalty += e.bodyChars >= 1500 ? 1 : e.bodyChars >= 700 ? 2 : 3;
    listing.push(`${signals.headlineLinks} headline links against ${signals.paragraphs} paragraphs`);
  }
  if (signals.articleElements >= 5 && !hasArticleSchema) {
    listingPenalty += 2;
    listing.push(`${signals.articleElements} <article> teasers`);
  }
  // Near 100% is a markup accident (an unclosed <a> around the page), not a listing.
  if (signals.linkDensity > 0.6 && signals.linkDensity < 0.97) {
    listingPenalty += 1;
    listing.push(`${Math.round(signals.linkDensity * 100)}% of the text is links`);
  }
  if (listingPenalty > 0) {
    listingPenalty = Math.min(3.5, listingPenalty) * (url.kind === 'article' ? 0.5 : 1);
    add(-listingPenalty, `listing-like: ${listing.join(', ')}`);
  }
  if (signals.articleElements === 1) add(0.5, 'one <article>');
  if (e.titleIsH1) add(1, 'its one <h1> is the title');
  if (signals.video && e.bodyChars < 1200) add(-1, 'video page');
  if (signals.editable) add(-2, 'editable page');

  const isArticle = score >= ARTICLE_THRESHOLD;
  const margin = Math.abs(score - ARTICLE_THRESHOLD + 0.25);
  const confidence = round2(Math.min(0.99, lang.confidence * (0.55 + 0.45 * Math.tanh(margin / 2.5))));
  const shown = isArticle ? [...pro, ...con.map((c) => `despite ${c}`)] : [...con, ...pro.map((p) => `despite ${p}`)];
  const reason = `${isArticle ? 'Arabic news article' : 'Arabic page, not a news article'}: ${shown.join(', ') || 'no article signals'} (score ${score.toFixed(1)})`;
  return { isArticle, confidence, reason, score };
}
