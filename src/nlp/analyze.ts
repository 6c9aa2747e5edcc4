/** The language core's entry: article text (+ title, publication date) → Analysis. Placeholder until issue 6 lands. */
import type { Analysis } from './types';
import type { NerModel } from './entities/index';

export interface ArticleInput {
  text: string;
  /** YYYY-MM-DD; relative dates resolve against it. */
  published?: string;
  title?: string;
  site?: string;
  url?: string;
}

export function analyzeText(input: ArticleInput, _deps: { model: NerModel }): Analysis {
  return {
    isArticle: true,
    lang: 'ar',
    title: input.title ?? '',
    published: input.published ?? '',
    site: input.site ?? '',
    url: input.url,
    text: input.text,
    actors: [],
    dates: [],
    events: [],
    summary: [],
  };
}
