/**
 * The actor card: who this is according to the article, and what the reader's timeline knows about it.
 * Rendered by the page inside a closed shadow root (src/page/highlight/cardHost.ts); it knows nothing of the page.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ActorType } from '../../nlp/types';
import { formatDateValue } from '../components/dateValue';
import type { CardStrings } from './strings';
import type { ActorTimeline, CardActor, TimelineLoader, TimelineState, ActorTimelineQuery } from './types';

/** Plain geometric shapes, present in almost every font (emoji may render as empty boxes). */
export const TYPE_SYMBOLS: Record<ActorType, string> = { PERSON: '●', ORG: '■', LOC: '▲', GROUP: '◆' };
const LIST_LIMIT = 5;

export interface CardActions {
  onClose(): void;
  onTogglePin(): void;
  onNextMention(): void;
  onPreviousMention(): void;
  /** Absent when there is nowhere to open the timeline (no background). */
  onOpenTimeline?: () => void;
}

/** 'system' follows prefers-color-scheme; the others are the reader's choice in the options. */
export type CardTheme = 'system' | 'light' | 'dark';

export interface CardProps extends CardActions {
  actor: CardActor;
  strings: CardStrings;
  timeline: TimelineState;
  pinned: boolean;
  /** The colour of the actor's highlight, echoed on the card's edge (type is also written out). */
  typeColour?: string;
  theme?: CardTheme;
  onRetryTimeline?: () => void;
}

export function Card(props: CardProps) {
  const { actor, strings, timeline, pinned } = props;
  const typeName = strings.typeName(actor.type);
  const style = props.typeColour ? { '--anl-type-colour': props.typeColour } : undefined;
  const hasManyMentions = actor.mentionsOnPage > 1;
  return (
    <div
      class={`card theme-${props.theme ?? 'system'}`}
      role="dialog"
      aria-modal="false"
      aria-label={strings.text('card_label', actor.name)}
      tabIndex={-1}
      dir={strings.dir}
      lang={strings.lang}
      style={style}
      data-testid="anl-card"
    >
      <div class="head">
        <span class="type" data-testid="anl-card-type">
          <span class="symbol" aria-hidden="true">
            {TYPE_SYMBOLS[actor.type]}
          </span>
          {typeName}
        </span>
        <button
          type="button"
          class="icon"
          aria-pressed={pinned ? 'true' : 'false'}
          onClick={props.onTogglePin}
          data-action="pin"
        >
          {strings.text(pinned ? 'card_unpin' : 'card_pin')}
        </button>
        <button
          type="button"
          class="icon"
          aria-label={strings.text('card_close')}
          title={strings.text('card_close')}
          onClick={props.onClose}
          data-action="close"
        >
          ×
        </button>
      </div>
      <h2 class="name" data-testid="anl-card-name">
        {actor.name}
      </h2>
      {actor.role ? (
        <p class="field" data-testid="anl-card-role">
          <span class="label">{strings.text('card_role')}: </span>
          {actor.role}
        </p>
      ) : null}
      {actor.aliases.length > 0 ? (
        <p class="field" data-testid="anl-card-aliases">
          <span class="label">{strings.text('card_aliases')}: </span>
          {actor.aliases.join(strings.lang === 'ar' ? '، ' : ', ')}
        </p>
      ) : null}
      <p class="field" data-testid="anl-card-count">
        {strings.text('card_inArticle', strings.times(actor.mentionCount))}
        {hasManyMentions ? (
          <span class="meta"> · {strings.text('card_mentionPosition', String(actor.mentionNumber), String(actor.mentionsOnPage))}</span>
        ) : null}
      </p>
      {hasManyMentions ? (
        <div class="row">
          <button type="button" onClick={props.onPreviousMention} data-action="previous">
            {strings.text('card_previousMention')}
          </button>
          <button type="button" onClick={props.onNextMention} data-action="next">
            {strings.text('card_nextMention')}
          </button>
        </div>
      ) : null}
      <TimelinePart state={timeline} strings={strings} onRetry={props.onRetryTimeline} />
      {props.onOpenTimeline && timeline.status !== 'unavailable' ? (
        <div class="row">
          <button type="button" onClick={props.onOpenTimeline} data-action="timeline">
            {strings.text('card_openTimeline')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function TimelinePart({ state, strings, onRetry }: { state: TimelineState; strings: CardStrings; onRetry?: (() => void) | undefined }) {
  switch (state.status) {
    case 'unavailable':
      return null;
    case 'loading':
      return (
        <p class="section status" role="status" data-testid="anl-card-loading">
          {strings.text('card_loading')}
        </p>
      );
    case 'error':
      return (
        <div class="section" role="alert" data-testid="anl-card-error">
          <p class="field error">{strings.text('card_loadError')}</p>
          {onRetry ? (
            <button type="button" onClick={onRetry} data-action="retry">
              {strings.text('card_retry')}
            </button>
          ) : null}
        </div>
      );
    case 'ready':
      return <TimelineLists timeline={state.timeline} strings={strings} />;
  }
}

function TimelineLists({ timeline, strings }: { timeline: ActorTimeline; strings: CardStrings }) {
  const articles = timeline.articles.slice(0, LIST_LIMIT);
  const events = timeline.events.slice(0, LIST_LIMIT);
  return (
    <>
      <div class="section" data-testid="anl-card-articles">
        <h3>{strings.text('card_otherArticles')}</h3>
        {articles.length === 0 ? (
          <p class="field status">{strings.text('card_noOtherArticles')}</p>
        ) : (
          <ul>
            {articles.map((article) => (
              <li key={article.url}>
                <ArticleLink url={article.url} title={article.title || article.url} />
                {/* bdi: a Latin site name or a date must not reorder the separators around it in RTL */}
                {[article.site, article.published].filter(Boolean).map((part) => (
                  <span class="meta" key={part}>
                    {' · '}
                    <bdi>{part}</bdi>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div class="section" data-testid="anl-card-events">
        <h3>{strings.text('card_latestEvents')}</h3>
        {events.length === 0 ? (
          <p class="field status">{strings.text('card_noEvents')}</p>
        ) : (
          <ul>
            {events.map((event, position) => (
              <li key={`${event.date}-${position}`}>
                {/* The analysis' ISO value (a day, a month, a range like 2027-01-01/2027-01-10) as the reader says it. */}
                <bdi class="meta" title={event.date}>
                  {formatDateValue(event.date, strings.lang)}
                </bdi>{' '}
                {event.text}
                {event.articleTitle ? (
                  <span class="meta">
                    {' · '}
                    {event.articleUrl ? <ArticleLink url={event.articleUrl} title={event.articleTitle} /> : event.articleTitle}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}

/** Only web links: a stored URL must not become a `javascript:` link in someone's page. */
function ArticleLink({ url, title }: { url: string; title: string }) {
  if (!isWebUrl(url)) return <span>{title}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {title}
    </a>
  );
}

export function isWebUrl(url: string): boolean {
  try {
    const protocol = new URL(url).protocol;
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Loads the timeline part for an actor, with loading and error states; ignores answers for an actor no longer shown. */
export function useActorTimeline(load: TimelineLoader | undefined, query: ActorTimelineQuery | null): { state: TimelineState; retry: () => void } {
  const [state, setState] = useState<TimelineState>(load ? { status: 'loading' } : { status: 'unavailable' });
  const [attempt, setAttempt] = useState(0);
  const key = query ? `${query.type}\u0000${query.name}` : '';
  useEffect(() => {
    if (!load || !query) {
      setState({ status: 'unavailable' });
      return undefined;
    }
    let current = true;
    setState({ status: 'loading' });
    Promise.resolve()
      .then(() => load(query))
      .then(
        (timeline) => current && setState({ status: 'ready', timeline }),
        (error: unknown) => current && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      current = false;
    };
    // The query object is rebuilt on each render; the actor's identity (key) is what matters.
  }, [load, key, attempt]);
  return { state, retry: () => setAttempt((n) => n + 1) };
}

export interface ConnectedCardProps extends Omit<CardProps, 'timeline' | 'onRetryTimeline'> {
  loadTimeline?: TimelineLoader;
  articleUrl: string;
}

/** The card with its timeline part loaded through `loadTimeline`. */
export function ConnectedCard({ loadTimeline, articleUrl, ...cardProps }: ConnectedCardProps) {
  const { actor } = cardProps;
  const query: ActorTimelineQuery = { name: actor.name, type: actor.type, aliases: actor.aliases, articleUrl };
  const { state, retry } = useActorTimeline(loadTimeline, query);
  return <Card {...cardProps} timeline={state} onRetryTimeline={retry} />;
}
