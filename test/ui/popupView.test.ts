import { describe, expect, it } from 'vitest';
import type { PageStatus, TabAnalysisResponse } from '../../src/common/messages';
import { defaultSettings, mergeSettings } from '../../src/common/settings';
import { DEMO_ANALYSIS } from '../../src/ui/panels/demoAnalysis';
import { popupViewFor, type TabFacts } from '../../src/ui/panels/popupView';

const url = 'https://www.news.example/world/1';
const none: TabAnalysisResponse = { status: 'none', analysis: null };
const page = (status: Partial<PageStatus>): PageStatus => ({ url, arabic: true, isArticle: null, reason: '', analyzed: false, ...status });
const facts = (overrides: Partial<TabFacts>): TabFacts => ({ url, settings: defaultSettings(), analysis: none, page: page({}), ...overrides });

describe('popupViewFor', () => {
  it('shows an analysed article with the highlight setting', () => {
    const settings = mergeSettings(defaultSettings(), { highlights: false });
    const view = popupViewFor(facts({ settings, analysis: { status: 'analyzed', analysis: DEMO_ANALYSIS } }));
    expect(view).toEqual({ kind: 'article', analysis: DEMO_ANALYSIS, site: 'www.news.example', highlightsEnabled: false });
  });

  it('carries the reason an analysed article could not be kept in the timeline', () => {
    const analysis: TabAnalysisResponse = { status: 'analyzed', analysis: DEMO_ANALYSIS, storeError: 'storage is full' };
    expect(popupViewFor(facts({ analysis }))).toMatchObject({ kind: 'article', storeError: 'storage is full' });
  });

  it('says the site is off before anything else, also for a subdomain of a switched-off site', () => {
    const settings = mergeSettings(defaultSettings(), { disabledSites: ['news.example'] });
    expect(popupViewFor(facts({ settings, analysis: { status: 'analyzed', analysis: DEMO_ANALYSIS } }))).toEqual({ kind: 'siteOff', site: 'www.news.example' });
  });

  it('gives the reason a page is not an article, from the analysis or from the page', () => {
    const notArticle = { ...DEMO_ANALYSIS, isArticle: false, reason: 'too short to be an article' };
    expect(popupViewFor(facts({ analysis: { status: 'analyzed', analysis: notArticle } }))).toMatchObject({ kind: 'notArticle', reason: 'too short to be an article' });
    expect(popupViewFor(facts({ page: page({ arabic: false, reason: 'the page is in English' }) }))).toMatchObject({ kind: 'notArticle', reason: 'the page is in English' });
    expect(popupViewFor(facts({ page: page({ isArticle: false, reason: 'a list of links' }) }))).toMatchObject({ kind: 'notArticle', reason: 'a list of links' });
  });

  it('is analysing while an Arabic page has been sent and not answered', () => {
    expect(popupViewFor(facts({ page: page({ isArticle: true }) }))).toEqual({ kind: 'analyzing', site: 'www.news.example' });
  });

  it('reports a failed analysis, an unreachable content script and browser pages', () => {
    expect(popupViewFor(facts({ analysis: { status: 'failed', analysis: null, error: 'model missing' } }))).toEqual({ kind: 'failed', site: 'www.news.example', error: 'model missing' });
    expect(popupViewFor(facts({ page: null }))).toEqual({ kind: 'unreachable', site: 'www.news.example' });
    expect(popupViewFor(facts({ url: 'chrome://extensions/' }))).toEqual({ kind: 'unsupported' });
    expect(popupViewFor(facts({ url: undefined }))).toEqual({ kind: 'unsupported' });
  });
});
