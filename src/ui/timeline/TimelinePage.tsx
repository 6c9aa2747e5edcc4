/**
 * The full-tab timeline of everything read: filters, search, the visual timeline, the grouped event list,
 * an actor view, and the data tools (export, import, delete, clear all). Data only through `source`.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ActorType } from '../../nlp/types';
import { ACTOR_TYPES, ActorTypeBadge, actorTypeLabelKey } from '../components/ActorTypeBadge';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { formatDateValue } from '../components/dateValue';
import { ErrorNotice, describeFailure } from '../components/ErrorNotice';
import { downloadBlob } from '../components/format';
import { useTranslator, type ViewLanguage } from '../components/i18n';
import { UiRoot, type ThemeChoice } from '../components/UiRoot';
import { ActorView } from './ActorView';
import type { ActorCard, ActorSummary, ExportFormat, ExportedFile, StoreStats, TimelineDataSource, TimelineEvent, TimelineFilter } from './dataSource';
import { EventList } from './EventList';
import { loadAllEvents, sortEvents } from './loadTimeline';
import { TimelineChart } from './TimelineChart';

export interface TimelinePageProps {
  source: TimelineDataSource;
  language: ViewLanguage;
  theme: ThemeChoice;
  /** Saves an exported file; by default a download through a Blob URL. */
  saveFile?: (file: ExportedFile) => void;
  /** Height of the event list's viewport in px. */
  listHeight?: number;
  /** Chart width before it is measured (tests have no layout). */
  chartWidth?: number;
}

export function TimelinePage({ language, theme, ...rest }: TimelinePageProps) {
  return (
    <UiRoot language={language} theme={theme} class="anl-page" ownsDocument>
      <TimelineContent {...rest} />
    </UiRoot>
  );
}

/** A failure whose message is already written for the reader (not a raw error from the background). */
class ReaderFacingError extends Error {}

/** Search results shown at most: a name rarely matches more actors than fit the side panel. */
const SEARCH_LIMIT = 20;

type Loaded<T> = { status: 'loading' } | { status: 'failed'; error: string } | { status: 'ready'; value: T };

type Selection = { kind: 'event'; event: TimelineEvent } | { kind: 'actor'; card: Loaded<ActorCard> } | null;

/** Loaded events; `complete` is false while later pages are still coming. */
interface LoadedEvents {
  events: TimelineEvent[];
  complete: boolean;
}

function TimelineContent({ source, saveFile = defaultSave, listHeight = 480, chartWidth }: Omit<TimelinePageProps, 'language' | 'theme'>) {
  const { t, rich, plural, language } = useTranslator();
  const [query, setQuery] = useState<TimelineFilter>({});
  const [actorFilterName, setActorFilterName] = useState('');
  const [loaded, setLoaded] = useState<Loaded<LoadedEvents>>({ status: 'loading' });
  const [stats, setStats] = useState<StoreStats | null>(null);
  const [knownSites, setKnownSites] = useState<string[]>([]);
  const [selection, setSelection] = useState<Selection>(null);
  const [searchText, setSearchText] = useState('');
  const [matches, setMatches] = useState<ActorSummary[] | null>(null);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const [confirmingClear, setConfirmingClear] = useState(false);
  const [refreshCount, setRefreshCount] = useState(0);
  // Answers may come back out of order when filters change quickly: only the latest request may set state.
  const latestQuery = useRef(0);
  const latestSearch = useRef(0);

  const refresh = useCallback(() => setRefreshCount((count) => count + 1), []);

  useEffect(() => {
    const request = ++latestQuery.current;
    const isCurrent = () => request === latestQuery.current;
    setLoaded({ status: 'loading' });
    loadAllEvents(source, query, isCurrent, (firstPage) => setLoaded({ status: 'ready', value: { events: firstPage, complete: false } })).then(
      (events) => {
        if (events === null) return;
        setLoaded({ status: 'ready', value: { events, complete: true } });
        // The site filter offers every site seen so far (the store has no list of sites).
        setKnownSites((current) => {
          const sites = new Set(current);
          for (const event of events) sites.add(event.article.site);
          return sites.size === current.length ? current : [...sites].sort();
        });
      },
      (error: unknown) => isCurrent() && setLoaded({ status: 'failed', error: describeFailure(error) }),
    );
  }, [source, query, refreshCount]);

  useEffect(() => {
    source.stats().then(setStats, () => setStats(null));
  }, [source, refreshCount]);

  const sorted = useMemo(() => (loaded.status === 'ready' ? sortEvents(loaded.value.events) : null), [loaded]);

  const search = (text: string) => {
    setSearchText(text);
    const request = ++latestSearch.current;
    if (text.trim() === '') {
      setMatches(null);
      return;
    }
    source.searchActors(text.trim(), SEARCH_LIMIT).then(
      (found) => request === latestSearch.current && setMatches(found),
      (error: unknown) => request === latestSearch.current && setNotice({ text: t('errorDetails', { error: describeFailure(error) }), error: true }),
    );
  };

  const openActor = (actorId: string) => {
    setSelection({ kind: 'actor', card: { status: 'loading' } });
    source.getActorCard(actorId).then(
      (card) =>
        setSelection({
          kind: 'actor',
          card: card === undefined ? { status: 'failed', error: `no actor ${actorId}` } : { status: 'ready', value: card },
        }),
      (error: unknown) => setSelection({ kind: 'actor', card: { status: 'failed', error: describeFailure(error) } }),
    );
  };

  const filterByActor = (actorId: string, name: string) => {
    setActorFilterName(name);
    setQuery((current) => ({ ...current, actorId }));
  };

  const updateQuery = (patch: Partial<TimelineFilter>) => {
    setQuery((current) => {
      const next: TimelineFilter = { ...current, ...patch };
      for (const key of Object.keys(next) as Array<keyof TimelineFilter>) if (next[key] === undefined || next[key] === '') delete next[key];
      return next;
    });
  };

  /** Runs a data operation and reports its outcome in the notice line. */
  const act = async (operation: () => Promise<string>) => {
    try {
      setNotice({ text: await operation(), error: false });
    } catch (error) {
      const text = error instanceof ReaderFacingError ? error.message : t('errorDetails', { error: describeFailure(error) });
      setNotice({ text, error: true });
    }
  };

  const exportAs = (format: ExportFormat) =>
    act(async () => {
      try {
        const file = await exportFile(source, format, query);
        saveFile(file);
        return file.fileName;
      } catch (error) {
        throw new ReaderFacingError(t('exportFailed', { reason: describeFailure(error) }));
      }
    });

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (file === undefined) return;
    const text = await file.text();
    input.value = '';
    await act(async () => {
      let result;
      try {
        result = await source.importJSON(text);
      } catch (error) {
        throw new ReaderFacingError(t('importRejected', { reason: describeFailure(error) }));
      }
      refresh();
      return t('importDone', { added: result.added, updated: result.updated });
    });
  };

  const deleteArticle = (articleId: string) =>
    act(async () => {
      await source.deleteArticle(articleId);
      setSelection(null);
      refresh();
      return t('articleDeleted');
    });

  const clearAll = () => {
    setConfirmingClear(false);
    void act(async () => {
      await source.clearAll();
      setSelection(null);
      refresh();
      return t('clearedAll');
    });
  };

  const filtersActive = Object.keys(query).length > 0;
  const storeEmpty = stats !== null && stats.articles === 0;

  return (
    <>
      <header class="anl-stack">
        <h1>{t('timelineTitle')}</h1>
        {stats !== null && (
          <p class="anl-muted" style={{ margin: '0' }}>
            {t('statsLine', { articles: stats.articles, actors: stats.actors, events: stats.events })}
          </p>
        )}
        {notice !== null && (
          <p role={notice.error ? 'alert' : 'status'} class={`anl-notice anl-wrap ${notice.error ? 'anl-error' : ''}`} dir="auto">
            {notice.text}
          </p>
        )}
      </header>

      <div class="anl-layout" style={{ marginBlockStart: '1rem' }}>
        <main class="anl-stack" style={{ minWidth: '0' }}>
          <section aria-labelledby="anl-filters">
            <h2 id="anl-filters">{t('filters')}</h2>
            <div class="anl-filters">
              <label>
                {t('filterType')}
                <select value={query.type ?? ''} onChange={(event) => updateQuery({ type: ((event.currentTarget as HTMLSelectElement).value || undefined) as ActorType | undefined })}>
                  <option value="">{t('filterAnyType')}</option>
                  {ACTOR_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t(actorTypeLabelKey(type))}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('filterSite')}
                <select value={query.site ?? ''} onChange={(event) => updateQuery({ site: (event.currentTarget as HTMLSelectElement).value || undefined })}>
                  <option value="">{t('filterAnySite')}</option>
                  {knownSites.map((site) => (
                    <option key={site} value={site}>
                      {site}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('filterFrom')}
                <input type="date" value={query.from ?? ''} onChange={(event) => updateQuery({ from: (event.currentTarget as HTMLInputElement).value || undefined })} />
              </label>
              <label>
                {t('filterTo')}
                <input type="date" value={query.to ?? ''} onChange={(event) => updateQuery({ to: (event.currentTarget as HTMLInputElement).value || undefined })} />
              </label>
              {query.actorId !== undefined && (
                <div class="anl-row" style={{ gap: '.3rem' }}>
                  <span>
                    {t('filterActor')}: <bdi>{actorFilterName}</bdi>
                  </span>
                </div>
              )}
              {filtersActive && (
                <button type="button" onClick={() => setQuery({})}>
                  {t('clearFilters')}
                </button>
              )}
            </div>
          </section>

          {loaded.status === 'failed' && <ErrorNotice error={loaded.error} onRetry={refresh} />}
          {(loaded.status === 'loading' || (loaded.status === 'ready' && !loaded.value.complete)) && (
            <p role="status" class="anl-row">
              <span class="anl-spinner" aria-hidden="true" />{' '}
              {loaded.status === 'ready' ? t('loadingCount', { count: loaded.value.events.length }) : t('loading')}
            </p>
          )}
          {storeEmpty && !filtersActive && <p class="anl-notice">{t('emptyStore')}</p>}
          {sorted !== null && sorted.domain !== null && (
            <TimelineChart
              placed={sorted.placed}
              domain={sorted.domain}
              initialWidth={chartWidth}
              onSelect={(event) => setSelection({ kind: 'event', event })}
            />
          )}
          {sorted !== null && (
            <section aria-labelledby="anl-event-list" class="anl-stack">
              <h2 id="anl-event-list">
                {t('eventList')} <span class="anl-muted">({plural('eventsCount', sorted.byStart.length)})</span>
              </h2>
              {sorted.byStart.length === 0 ? (
                !storeEmpty && <p class="anl-muted">{t('noEvents')}</p>
              ) : (
                <EventList events={sorted.byStart} viewportHeight={listHeight} onSelect={(event) => setSelection({ kind: 'event', event })} />
              )}
            </section>
          )}
        </main>

        <aside class="anl-stack" style={{ minWidth: '0' }}>
          <section aria-labelledby="anl-search" class="anl-stack">
            <h2 id="anl-search">{t('searchResults')}</h2>
            <label class="anl-field">
              {t('searchLabel')}
              <input type="search" dir="auto" value={searchText} placeholder={t('searchPlaceholder')} onInput={(event) => search((event.currentTarget as HTMLInputElement).value)} />
            </label>
            {matches !== null &&
              (matches.length === 0 ? (
                <p class="anl-muted">{rich('searchNoResults', { query: <bdi>{searchText}</bdi> })}</p>
              ) : (
                <ul class="anl-list" aria-label={t('searchResults')}>
                  {matches.map((match) => (
                    <li key={match.id}>
                      <button type="button" class="anl-actor-button" onClick={() => openActor(match.id)}>
                        <span>
                          <bdi style={{ fontWeight: '600' }}>{match.name}</bdi> <ActorTypeBadge type={match.type} />
                          {match.aliases.some((alias) => alias !== match.name) && (
                            <span class="anl-muted anl-wrap" style={{ display: 'block', fontSize: '.85rem' }}>
                              <bdi>{otherSpellings(match).join('، ')}</bdi>
                            </span>
                          )}
                        </span>
                        <span class="anl-muted">{plural('articlesCount', match.articleCount)}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              ))}
          </section>

          {selection?.kind === 'event' && (
            <section class="anl-stack anl-section" aria-labelledby="anl-selected-event">
              <h2 id="anl-selected-event">{formatDateValue(selection.event.date, language)}</h2>
              <p dir="auto" class="anl-wrap" style={{ margin: '0' }}>
                {selection.event.text}
              </p>
              <ul class="anl-list anl-row">
                {selection.event.actors.map((actor) => (
                  <li key={actor.id}>
                    <button type="button" onClick={() => openActor(actor.id)}>
                      <bdi>{actor.name}</bdi> <ActorTypeBadge type={actor.type} />
                    </button>
                  </li>
                ))}
              </ul>
              <p class="anl-wrap" style={{ margin: '0' }}>
                <a href={selection.event.article.url} dir="auto" target="_blank" rel="noopener noreferrer">
                  {selection.event.article.title}
                </a>{' '}
                <span class="anl-muted">
                  (<bdi>{selection.event.article.site}</bdi>)
                </span>
              </p>
              <div class="anl-row">
                <button
                  type="button"
                  class="anl-danger"
                  aria-label={t('deleteArticleNamed', { title: selection.event.article.title })}
                  onClick={() => void deleteArticle(selection.event.article.id)}
                >
                  {t('deleteArticle')}
                </button>
                <button type="button" onClick={() => setSelection(null)}>
                  {t('close')}
                </button>
              </div>
            </section>
          )}

          {selection?.kind === 'actor' && (
            <div class="anl-section">
              {selection.card.status === 'loading' && <p role="status">{t('loading')}</p>}
              {selection.card.status === 'failed' && <ErrorNotice error={selection.card.error} onRetry={() => setSelection(null)} />}
              {selection.card.status === 'ready' && (
                <ActorView
                  card={selection.card.value}
                  onFilterByActor={() => {
                    if (selection.card.status === 'ready') filterByActor(selection.card.value.actor.id, selection.card.value.actor.name);
                  }}
                  onDeleteArticle={(articleId) => void deleteArticle(articleId)}
                  onClose={() => setSelection(null)}
                />
              )}
            </div>
          )}

          <section class="anl-stack anl-section" aria-labelledby="anl-data-tools">
            <h2 id="anl-data-tools">{t('dataTools')}</h2>
            <div class="anl-row">
              <button type="button" onClick={() => void exportAs('timelinejs')}>
                {t('exportTimelineJs')}
              </button>
              <button type="button" onClick={() => void exportAs('csv')}>
                {t('exportCsv')}
              </button>
              <button type="button" onClick={() => void exportAs('json')}>
                {t('exportJson')}
              </button>
            </div>
            {/* The native file button speaks the browser's language, not the UI's: it is hidden behind our own. */}
            <label class="anl-field anl-file">
              <span id="anl-import-label">{t('importLabel')}</span>
              <input type="file" accept="application/json,.json" aria-labelledby="anl-import-label" onChange={(event) => void importFile(event.currentTarget as HTMLInputElement)} />
              <span class="anl-file-button" aria-hidden="true">
                {t('chooseFile')}
              </span>
            </label>
            <button type="button" class="anl-danger" onClick={() => setConfirmingClear(true)}>
              {t('clearAll')}
            </button>
          </section>
        </aside>
      </div>
      {confirmingClear && <ConfirmDialog question={t('clearAllQuestion')} confirmLabel={t('clearAllConfirm')} onConfirm={clearAll} onCancel={() => setConfirmingClear(false)} />}
    </>
  );
}

/** Spellings other than the display name, at most a few: enough to show why a search matched. */
function otherSpellings(actor: ActorSummary): string[] {
  return actor.aliases.filter((alias) => alias !== actor.name).slice(0, 4);
}

/** Asks the source for an export and wraps it as a file to save. */
async function exportFile(source: TimelineDataSource, format: ExportFormat, filter: TimelineFilter): Promise<ExportedFile> {
  switch (format) {
    case 'timelinejs':
      return { fileName: 'arabic-news-lens-timelinejs.json', mimeType: 'application/json', content: JSON.stringify(await source.exportTimelineJS(filter), null, 2) };
    case 'csv':
      return { fileName: 'arabic-news-lens-timeline.csv', mimeType: 'text/csv;charset=utf-8', content: await source.exportCSV(filter) };
    case 'json':
      return { fileName: 'arabic-news-lens-backup.json', mimeType: 'application/json', content: JSON.stringify(await source.exportJSON()) };
  }
}

function defaultSave(file: ExportedFile): void {
  downloadBlob(file.content, file.fileName, file.mimeType);
}
