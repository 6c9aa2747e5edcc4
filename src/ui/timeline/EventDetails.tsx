/** The event chosen in the chart or the list: its text, actors, article, and deleting that article. */
import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { ActorTypeBadge } from '../components/ActorTypeBadge';
import { formatDateValue } from '../components/dateValue';
import { clipText } from '../components/format';
import { useTranslator } from '../components/i18n';
import type { TimelineEvent } from './dataSource';

export interface EventDetailsProps {
  event: TimelineEvent;
  /** The heading takes focus when an event is chosen. */
  headingRef: Ref<HTMLHeadingElement>;
  onOpenActor(actorId: string): void;
  onDeleteArticle(articleId: string): void;
  onClose(): void;
}

/** Actors shown before "show all": an event naming 200 actors would otherwise push the actions off screen. */
export const EVENT_ACTOR_LIMIT = 12;
/** A name for the delete button that a screen reader can say in one breath, however long the title. */
const LABEL_TITLE_CHARS = 120;

export function EventDetails({ event, headingRef, onOpenActor, onDeleteArticle, onClose }: EventDetailsProps) {
  const { t, language } = useTranslator();
  const [allActors, setAllActors] = useState<string | null>(null);
  // "Show all" belongs to the event it was asked for.
  const showAll = allActors === event.id;
  const actors = showAll ? event.actors : event.actors.slice(0, EVENT_ACTOR_LIMIT);
  const title = clipText(event.article.title, LABEL_TITLE_CHARS);
  return (
    <section class="anl-stack anl-section" aria-labelledby="anl-selected-event">
      <h2 id="anl-selected-event" ref={headingRef} tabIndex={-1}>
        {formatDateValue(event.date, language)}
      </h2>
      <p dir="auto" style={{ margin: '0' }}>
        {event.text}
      </p>
      <ul class="anl-list anl-row">
        {actors.map((actor) => (
          <li key={actor.id}>
            <button type="button" onClick={() => onOpenActor(actor.id)}>
              <bdi>{actor.name}</bdi> <ActorTypeBadge type={actor.type} />
            </button>
          </li>
        ))}
        {event.actors.length > EVENT_ACTOR_LIMIT && (
          <li>
            <button type="button" aria-expanded={showAll} onClick={() => setAllActors(showAll ? null : event.id)}>
              {showAll ? t('showFewer') : t('showAll', { count: event.actors.length })}
            </button>
          </li>
        )}
      </ul>
      <p style={{ margin: '0' }}>
        <a href={event.article.url} dir="auto" target="_blank" rel="noopener noreferrer">
          {event.article.title}
        </a>{' '}
        <span class="anl-muted">
          (<bdi>{event.article.site}</bdi>)
        </span>
      </p>
      <div class="anl-row">
        <button type="button" class="anl-danger" aria-label={t('deleteArticleNamed', { title })} onClick={() => onDeleteArticle(event.article.id)}>
          {t('deleteArticle')}
        </button>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </section>
  );
}
