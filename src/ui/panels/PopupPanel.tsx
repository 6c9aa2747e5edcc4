/**
 * The toolbar popup: the story of the article in the active tab, or why there is none.
 * All data comes through `source`, so the panel renders the same in Node tests, the demo and the extension.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Actor, Analysis } from '../../nlp/types';
import { ActorTypeBadge } from '../components/ActorTypeBadge';
import { formatDateValue } from '../components/dateValue';
import { formatMinutes, readingMinutes } from '../components/format';
import { useTranslator, type ViewLanguage } from '../components/i18n';
import { ErrorNotice, describeFailure } from '../components/ErrorNotice';
import { UiRoot, type ThemeChoice } from '../components/UiRoot';
import { MiniTimeline } from './MiniTimeline';
import type { PopupDataSource, PopupView } from './popupTypes';

/** Key actors shown before "show all": enough for a story, few enough to scan. */
export const KEY_ACTOR_LIMIT = 8;
const DEFAULT_POLL_MS = 800;

export interface PopupPanelProps {
  source: PopupDataSource;
  language: ViewLanguage;
  theme: ThemeChoice;
  /** How often to ask again while the page is being analysed. */
  pollIntervalMs?: number;
}

type PanelState = { status: 'loading' } | { status: 'failed'; error: string } | { status: 'ready'; view: PopupView };

export function PopupPanel({ source, language, theme, pollIntervalMs = DEFAULT_POLL_MS }: PopupPanelProps) {
  return (
    <UiRoot language={language} theme={theme} class="anl-popup" ownsDocument>
      <PopupContent source={source} pollIntervalMs={pollIntervalMs} />
    </UiRoot>
  );
}

function PopupContent({ source, pollIntervalMs }: { source: PopupDataSource; pollIntervalMs: number }) {
  const { t, rich } = useTranslator();
  const [state, setState] = useState<PanelState>({ status: 'loading' });

  const run = useCallback(
    (action: () => Promise<PopupView>) => {
      action().then(
        (view) => setState({ status: 'ready', view }),
        (error: unknown) => setState({ status: 'failed', error: describeFailure(error) }),
      );
    },
    [source],
  );
  const reload = useCallback(() => {
    setState({ status: 'loading' });
    run(() => source.load());
  }, [run, source]);
  useEffect(reload, [reload]);

  // While the page is analysed, ask again until there is an answer.
  const analyzing = state.status === 'ready' && state.view.kind === 'analyzing';
  useEffect(() => {
    if (!analyzing) return undefined;
    const timer = setTimeout(() => run(() => source.load()), pollIntervalMs);
    return () => clearTimeout(timer);
  }, [analyzing, state, run, source, pollIntervalMs]);

  /** Runs a change, then shows the tab's state afresh (the change may alter it, e.g. switching a site off). */
  const change = (action: () => Promise<void>) => run(async () => {
    await action();
    return source.load();
  });

  let body;
  if (state.status === 'loading') {
    body = <Progress label={t('loading')} />;
  } else if (state.status === 'failed') {
    body = <ErrorNotice error={state.error} onRetry={reload} />;
  } else {
    const { view } = state;
    switch (view.kind) {
      case 'article':
        body = (
          <ArticleStory
            analysis={view.analysis}
            site={view.site}
            highlightsEnabled={view.highlightsEnabled}
            storeError={view.storeError}
            onReveal={(actorId) => {
              source.revealActor(actorId).catch((error: unknown) => setState({ status: 'failed', error: describeFailure(error) }));
            }}
            onSiteOff={() => change(() => source.setSiteEnabled(view.site, false))}
            onHighlights={(enabled) => change(() => source.setHighlightsEnabled(enabled))}
          />
        );
        break;
      case 'notArticle':
        body = (
          <section class="anl-stack" aria-labelledby="anl-not-article">
            <h1 id="anl-not-article">{t('notArticleTitle')}</h1>
            <p class="anl-wrap">
              {rich('notArticleReason', { reason: <bdi>{view.reason}</bdi> })}
            </p>
            <button
              type="button"
              class="anl-primary"
              onClick={() => {
                setState({ status: 'ready', view: { kind: 'analyzing', site: view.site } });
                run(() => source.analyzeAnyway());
              }}
            >
              {t('analyzeAnyway')}
            </button>
            <SiteSwitches
              site={view.site}
              highlightsEnabled={view.highlightsEnabled}
              onSiteOff={() => change(() => source.setSiteEnabled(view.site, false))}
              onHighlights={(enabled) => change(() => source.setHighlightsEnabled(enabled))}
            />
          </section>
        );
        break;
      case 'analyzing':
        body = <Progress label={t('analyzing')} />;
        break;
      case 'siteOff':
        body = (
          <section class="anl-stack" aria-labelledby="anl-site-off">
            <h1 id="anl-site-off" class="anl-wrap">
              {rich('siteOffTitle', { site: <bdi>{view.site}</bdi> })}
            </h1>
            <p>{t('siteOffBody')}</p>
            <button type="button" class="anl-primary" onClick={() => change(() => source.setSiteEnabled(view.site, true))}>
              {t('turnSiteOn')}
            </button>
          </section>
        );
        break;
      case 'failed':
        body = (
          <section class="anl-stack" aria-labelledby="anl-analysis-failed">
            <div class="anl-notice anl-error anl-stack" role="alert">
              <h1 id="anl-analysis-failed">{t('analysisFailedTitle')}</h1>
              <p class="anl-wrap" dir="auto" style={{ margin: '0' }}>
                {t('errorDetails', { error: view.error })}
              </p>
            </div>
            <button
              type="button"
              class="anl-primary"
              onClick={() => {
                setState({ status: 'ready', view: { kind: 'analyzing', site: view.site } });
                run(() => source.analyzeAnyway());
              }}
            >
              {t('retry')}
            </button>
          </section>
        );
        break;
      case 'unreachable':
        body = <p class="anl-notice">{t('pageUnreachable')}</p>;
        break;
      case 'unsupported':
        body = <p>{t('unsupportedPage')}</p>;
        break;
    }
  }

  return (
    <div class="anl-stack">
      {body}
      <nav class="anl-row anl-section" aria-label={t('appName')}>
        <button type="button" onClick={() => source.openTimeline()}>
          {t('openTimeline')}
        </button>
        <button type="button" onClick={() => source.openOptions()}>
          {t('openOptions')}
        </button>
      </nav>
    </div>
  );
}

function Progress({ label }: { label: string }) {
  return (
    <p class="anl-row" role="status" aria-live="polite">
      <span class="anl-spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

interface SiteSwitchesProps {
  site: string;
  highlightsEnabled: boolean;
  onSiteOff(): void;
  onHighlights(enabled: boolean): void;
}

function SiteSwitches({ site, highlightsEnabled, onSiteOff, onHighlights }: SiteSwitchesProps) {
  const { t, rich } = useTranslator();
  return (
    <div class="anl-section anl-stack">
      <label class="anl-switch">
        {/* Checked: this panel is only shown on sites that are on; unchecking switches the site off. */}
        <input type="checkbox" checked onChange={onSiteOff} />
        <span class="anl-wrap">
          {rich('siteSwitch', { site: <bdi>{site}</bdi> })}
        </span>
      </label>
      <label class="anl-switch">
        <input
          type="checkbox"
          checked={highlightsEnabled}
          onChange={(event) => onHighlights((event.currentTarget as HTMLInputElement).checked)}
        />
        <span>{t('highlightSwitch')}</span>
      </label>
    </div>
  );
}

/** Actors to list: the analysis' ranking when it has one, else by number of mentions. */
export function rankedActors(analysis: Analysis): Actor[] {
  const byId = new Map(analysis.actors.map((actor) => [actor.id, actor]));
  const ranked = (analysis.keyActors ?? []).flatMap(({ id }) => {
    const actor = byId.get(id);
    return actor === undefined ? [] : [actor];
  });
  const rankedIds = new Set(ranked.map((actor) => actor.id));
  const rest = analysis.actors
    .filter((actor) => !rankedIds.has(actor.id))
    .sort((a, b) => b.mentions.length - a.mentions.length);
  return [...ranked, ...rest];
}

interface ArticleStoryProps extends Omit<SiteSwitchesProps, 'site'> {
  analysis: Analysis;
  site: string;
  storeError?: string;
  onReveal(actorId: string): void;
}

function ArticleStory({ analysis, site, highlightsEnabled, storeError, onReveal, onSiteOff, onHighlights }: ArticleStoryProps) {
  const { t, plural, language } = useTranslator();
  const [showAllActors, setShowAllActors] = useState(false);
  const actors = rankedActors(analysis);
  const shownActors = showAllActors ? actors : actors.slice(0, KEY_ACTOR_LIMIT);
  const minutes = readingMinutes(analysis.text);
  const summary = analysis.summary.map((sentence) => sentence.text.trim()).join(' ');
  const datedEvents = [...analysis.events].sort((a, b) => a.date.localeCompare(b.date));

  return (
    <article class="anl-stack" aria-labelledby="anl-article-title">
      <header class="anl-stack">
        <h1 id="anl-article-title" class="anl-wrap anl-clamp2" dir="auto" title={analysis.title}>
          {analysis.title}
        </h1>
        <dl class="anl-row anl-muted" style={{ margin: '0', gap: '.25rem 1rem' }}>
          <div class="anl-row" style={{ gap: '.3rem' }}>
            <dt>{t('popupSite')}:</dt>
            <dd style={{ margin: '0' }}>
              <bdi>{site}</bdi>
            </dd>
          </div>
          <div class="anl-row" style={{ gap: '.3rem' }}>
            <dt>{t('popupPublished')}:</dt>
            <dd style={{ margin: '0' }}>{analysis.published ? formatDateValue(analysis.published, language) : t('unknownDate')}</dd>
          </div>
          <div class="anl-row" style={{ gap: '.3rem' }}>
            <dt>{t('popupReadingTime')}:</dt>
            <dd style={{ margin: '0' }}>{formatMinutes(minutes, language)}</dd>
          </div>
        </dl>
      </header>

      {storeError && (
        // The story below is still right; only the timeline missed it, and the reader should know before relying on it.
        <div class="anl-notice anl-error anl-stack" role="alert">
          <strong>{t('storeErrorTitle')}</strong>
          <p class="anl-wrap" dir="auto" style={{ margin: '0' }}>
            {t('errorDetails', { error: storeError })}
          </p>
        </div>
      )}

      <section aria-labelledby="anl-summary">
        <h2 id="anl-summary">{t('popupSummary')}</h2>
        {summary ? (
          <p dir="auto" lang={analysis.lang || 'ar'} class="anl-wrap" style={{ margin: '0' }}>
            {summary}
          </p>
        ) : (
          <p class="anl-muted">{t('popupNoSummary')}</p>
        )}
      </section>

      <section aria-labelledby="anl-actors">
        <h2 id="anl-actors">{t('popupKeyActors')}</h2>
        {actors.length === 0 ? (
          <p class="anl-muted">{t('popupNoActors')}</p>
        ) : (
          <>
            <ul class="anl-list">
              {shownActors.map((actor) => (
                <li key={actor.id}>
                  <button
                    type="button"
                    class="anl-actor-button"
                    aria-label={t('revealActorHint', { name: actor.name })}
                    onClick={() => onReveal(actor.id)}
                  >
                    <span style={{ minWidth: '0' }}>
                      <bdi class="anl-wrap" style={{ fontWeight: '600' }}>
                        {actor.name}
                      </bdi>{' '}
                      <ActorTypeBadge type={actor.type} />
                      {actor.role && (
                        <span class="anl-muted anl-wrap" dir="auto" style={{ display: 'block', fontSize: '.85rem' }}>
                          {actor.role}
                        </span>
                      )}
                    </span>
                    <span class="anl-muted" style={{ whiteSpace: 'nowrap', fontSize: '.85rem' }}>
                      {plural('mentions', actor.mentions.length)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            {actors.length > KEY_ACTOR_LIMIT && (
              <button type="button" onClick={() => setShowAllActors(!showAllActors)} aria-expanded={showAllActors}>
                {showAllActors ? t('showFewer') : t('showAll', { count: actors.length })}
              </button>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="anl-events">
        <h2 id="anl-events">{t('popupEvents')}</h2>
        {datedEvents.length === 0 ? (
          <p class="anl-muted">{t('popupNoEvents')}</p>
        ) : (
          <>
            <MiniTimeline events={datedEvents} />
            <ol class="anl-list anl-stack" style={{ marginBlockStart: '.5rem' }}>
              {datedEvents.map((event, index) => (
                <li key={`${event.start}-${index}`}>
                  <strong>{formatDateValue(event.date, language)}</strong>
                  <span class="anl-wrap" dir="auto" style={{ display: 'block' }}>
                    {event.text}
                  </span>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      <SiteSwitches site={site} highlightsEnabled={highlightsEnabled} onSiteOff={onSiteOff} onHighlights={onHighlights} />
    </article>
  );
}
