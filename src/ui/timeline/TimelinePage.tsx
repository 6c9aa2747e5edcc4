/**
 * The full-tab timeline of everything read: filters, search, the visual timeline, the grouped event list,
 * an actor view, and the data tools (export, import, delete, clear all). Data only through `source`.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { describeFailure, ErrorNotice } from '../components/ErrorNotice';
import { downloadBlob } from '../components/format';
import { useTranslator, type ViewLanguage } from '../components/i18n';
import { UiRoot, type ThemeChoice } from '../components/UiRoot';
import { ActorView } from './ActorView';
import type { ActorCard, ExportFormat, ExportedFile, StoreStats, TimelineDataSource, TimelineEvent, TimelineFilter } from './dataSource';
import { DataTools, exportFile } from './DataTools';
import { EventDetails } from './EventDetails';
import { EventList } from './EventList';
import { FilterBar } from './FilterBar';
import { buildTimelineIndex, filterTimeline, type TimelineIndex } from './timelineIndex';
import { SearchPanel } from './SearchPanel';
import { TimelineChart } from './TimelineChart';
import { useTimelineChanges } from './useTimelineChanges';

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
  /** An actor's name to open at once (`?actor=`: the hover card's "full timeline" link). */
  initialActor?: string;
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

type Loaded<T> = { status: 'loading' } | { status: 'failed'; error: string } | { status: 'ready'; value: T };

/** The timeline on screen: `complete` is false while only the first events are in. */
interface ShownTimeline {
  index: TimelineIndex;
  complete: boolean;
}

/** Events shown before the whole timeline is in: a screenful of the list and more, read in a few tens of ms. */
const PREVIEW_EVENTS = 60;

type Selection = { kind: 'event'; event: TimelineEvent } | { kind: 'actor'; card: Loaded<ActorCard> } | null;

function withoutEmptyFields(filter: TimelineFilter): TimelineFilter {
  const clean: TimelineFilter = { ...filter };
  for (const key of Object.keys(clean) as Array<keyof TimelineFilter>) if (clean[key] === undefined || clean[key] === '') delete clean[key];
  return clean;
}

function TimelineContent({ source, saveFile = defaultSave, listHeight = 480, chartWidth, initialActor }: Omit<TimelinePageProps, 'language' | 'theme'>) {
  const { t, plural } = useTranslator();
  const [filter, setFilter] = useState<TimelineFilter>({});
  const [actorFilterName, setActorFilterName] = useState('');
  const [loaded, setLoaded] = useState<Loaded<ShownTimeline>>({ status: 'loading' });
  /** True while a reload (after an import, a deletion…) runs: the previous timeline stays on screen meanwhile. */
  const [reloading, setReloading] = useState(false);
  const [stats, setStats] = useState<StoreStats | null>(null);
  const [selection, setSelection] = useState<Selection>(null);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const [refreshCount, setRefreshCount] = useState(0);
  // Answers may come back out of order when filters change quickly: only the latest load may set state.
  const latestLoad = useRef(0);
  const refresh = useCallback(() => setRefreshCount((count) => count + 1), []);
  // Writes from elsewhere (articles read in other tabs, another timeline tab). Never applied on their own: a
  // reload re-sorts the list and chart under the reader's eyes (and a screen reader's virtual cursor), even
  // with no filter or selection, since new events land anywhere in the dates. So the page only says so, and
  // the reader chooses when. This tab's own writes refresh at once, as before (the store does not report them).
  const changes = useTimelineChanges(source);
  const heading = useRef<HTMLHeadingElement | null>(null);
  const showChanges = () => {
    refresh();
    // The button goes away with the notice: focus moves to the page's heading rather than falling to <body>.
    heading.current?.focus({ preventScroll: true });
  };

  // The whole timeline is read once (and again after a change); filters then work in memory, without the store.
  const hasWhole = useRef(false);
  useEffect(() => {
    const request = ++latestLoad.current;
    const isCurrent = () => request === latestLoad.current;
    setReloading(true);
    // Any reload reads what was announced so far: the notice would offer nothing new.
    changes.clear();
    // On the first load only: the earliest events show first, then the whole timeline (about a second at 10,000
    // articles) is read. One after the other: the preview's small reads would otherwise queue behind the big ones.
    // Later reloads keep the previous timeline on screen instead.
    const preview = hasWhole.current
      ? Promise.resolve()
      : source.getTimeline({ limit: PREVIEW_EVENTS }).then(
          (page) => isCurrent() && setLoaded({ status: 'ready', value: { index: buildTimelineIndex(page.events), complete: false } }),
          () => undefined, // the whole read reports the failure
        );
    preview
      .then(() => source.getWholeTimeline())
      .then(
        (events) => {
          if (!isCurrent()) return;
          hasWhole.current = true;
          setLoaded({ status: 'ready', value: { index: buildTimelineIndex(events), complete: true } });
        },
        (error: unknown) => isCurrent() && setLoaded({ status: 'failed', error: describeFailure(error) }),
      )
      .finally(() => {
        if (isCurrent()) setReloading(false);
        // After the events, not beside them: counting (and sampling sizes) would compete with the big read.
        source.stats().then(setStats, () => setStats(null));
      });
  }, [source, refreshCount]);

  const sorted = useMemo(() => (loaded.status === 'ready' ? filterTimeline(loaded.value.index, filter) : null), [loaded, filter]);

  // A chosen event's details appear in the side panel: focus moves there so keyboard and screen-reader users follow.
  const selectionHeading = useRef<HTMLHeadingElement | null>(null);
  const selectedEventId = selection?.kind === 'event' ? selection.event.id : null;
  useEffect(() => {
    if (selectedEventId !== null) selectionHeading.current?.focus();
  }, [selectedEventId]);

  const openActor = (actorId: string) => {
    setSelection({ kind: 'actor', card: { status: 'loading' } });
    source.getActorCard(actorId).then(
      (card) => setSelection({ kind: 'actor', card: card === undefined ? { status: 'failed', error: `no actor ${actorId}` } : { status: 'ready', value: card } }),
      (error: unknown) => setSelection({ kind: 'actor', card: { status: 'failed', error: describeFailure(error) } }),
    );
  };

  // Any spelling finds the actor, as in the search box; the best match opens.
  useEffect(() => {
    if (!initialActor) return;
    source.searchActors(initialActor, 1).then(
      ([found]) => (found === undefined ? setNotice({ text: t('actorNotFound', { name: initialActor }), error: true }) : openActor(found.id)),
      (error: unknown) => setNotice({ text: t('errorDetails', { error: describeFailure(error) }), error: true }),
    );
  }, [source, initialActor]);

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
      let file;
      try {
        file = await exportFile(source, format, filter);
      } catch (error) {
        throw new ReaderFacingError(t('exportFailed', { reason: describeFailure(error) }));
      }
      saveFile(file);
      return t('exportDone', { file: file.fileName });
    });

  const importText = (text: string) =>
    act(async () => {
      let result;
      try {
        result = await source.importJSON(text);
      } catch (error) {
        throw new ReaderFacingError(t('importRejected', { reason: describeFailure(error) }));
      }
      refresh();
      return t('importDone', { added: result.added, updated: result.updated });
    });

  const deleteArticle = (articleId: string) =>
    act(async () => {
      await source.deleteArticle(articleId);
      setSelection(null);
      refresh();
      return t('articleDeleted');
    });

  const clearAll = () =>
    act(async () => {
      await source.clearAll();
      setSelection(null);
      refresh();
      return t('clearedAll');
    });

  const filtersActive = Object.keys(filter).length > 0;
  const nothingStored = stats !== null && stats.articles === 0 && !filtersActive;
  const selectEvent = (event: TimelineEvent) => setSelection({ kind: 'event', event });

  return (
    <>
      <header class="anl-stack">
        <h1 ref={heading} tabIndex={-1}>
          {t('timelineTitle')}
        </h1>
        {stats !== null && (
          <p class="anl-muted" style={{ margin: '0' }}>
            {t('statsLine', { articles: stats.articles, actors: stats.actors, events: stats.events })}
          </p>
        )}
        {/* Always in the page, so assistive technology is watching the region before the notice appears. */}
        <div aria-live="polite" aria-atomic="true">
          {changes.pending !== null && (
            <p class="anl-notice anl-row" style={{ margin: '0' }}>
              <span>
                {changes.pending.newArticles > 0 ? plural('timelineChanged', changes.pending.newArticles) : t('timelineChangedNoArticles')}
              </span>{' '}
              <button type="button" onClick={showChanges}>
                {t('showChanges')}
              </button>
            </p>
          )}
        </div>
        {notice !== null && (
          <p role={notice.error ? 'alert' : 'status'} class={`anl-notice ${notice.error ? 'anl-error' : ''}`} dir="auto">
            {notice.text}
          </p>
        )}
      </header>

      <div class="anl-layout" style={{ marginBlockStart: '1rem' }}>
        <main class="anl-stack" style={{ minWidth: '0' }}>
          <FilterBar
            filter={filter}
            sites={loaded.status === 'ready' ? loaded.value.index.sites : []}
            years={loaded.status === 'ready' && loaded.value.index.years.length > 0 ? loaded.value.index.years : [new Date().getUTCFullYear()]}
            actorName={actorFilterName}
            onChange={(patch) => setFilter((current) => withoutEmptyFields({ ...current, ...patch }))}
            onClear={() => setFilter({})}
          />
          {loaded.status === 'failed' && <ErrorNotice error={loaded.error} onRetry={refresh} />}
          {reloading && (
            <p role="status" class="anl-row">
              <span class="anl-spinner" aria-hidden="true" />{' '}
              {loaded.status === 'ready' && !loaded.value.complete ? t('loadingCount', { count: loaded.value.index.size }) : t('loading')}
            </p>
          )}
          {nothingStored && <p class="anl-notice">{t('emptyStore')}</p>}
          {sorted !== null && sorted.domain !== null && <TimelineChart placed={sorted.placed} domain={sorted.domain} initialWidth={chartWidth} onSelect={selectEvent} />}
          {sorted !== null && !nothingStored && (
            <section aria-labelledby="anl-event-list" class="anl-stack">
              <h2 id="anl-event-list">
                {t('eventList')} <span class="anl-muted">({plural('eventsCount', sorted.byStart.length)})</span>
              </h2>
              {sorted.byStart.length === 0 ? (
                <p class="anl-muted">{t('noEvents')}</p>
              ) : (
                <EventList events={sorted.byStart} viewportHeight={listHeight} onSelect={selectEvent} />
              )}
            </section>
          )}
        </main>

        <aside class="anl-stack" style={{ minWidth: '0' }}>
          <SearchPanel source={source} onOpenActor={openActor} onError={(text) => setNotice({ text, error: true })} />
          {selection?.kind === 'event' && (
            <EventDetails
              event={selection.event}
              headingRef={selectionHeading}
              onOpenActor={openActor}
              onDeleteArticle={(articleId) => void deleteArticle(articleId)}
              onClose={() => setSelection(null)}
            />
          )}
          {selection?.kind === 'actor' && (
            <div class="anl-section">
              {selection.card.status === 'loading' && <p role="status">{t('loading')}</p>}
              {selection.card.status === 'failed' && <ErrorNotice error={selection.card.error} onRetry={() => setSelection(null)} />}
              {selection.card.status === 'ready' && (
                <ActorView
                  card={selection.card.value}
                  onFilterByActor={(actorId, name) => {
                    setActorFilterName(name);
                    setFilter((current) => ({ ...current, actorId }));
                  }}
                  onDeleteArticle={(articleId) => void deleteArticle(articleId)}
                  onClose={() => setSelection(null)}
                />
              )}
            </div>
          )}
          <DataTools onExport={(format) => void exportAs(format)} onImport={(text) => void importText(text)} onClearAll={() => void clearAll()} />
        </aside>
      </div>
    </>
  );
}

function defaultSave(file: ExportedFile): void {
  downloadBlob(file.content, file.fileName, file.mimeType);
}
