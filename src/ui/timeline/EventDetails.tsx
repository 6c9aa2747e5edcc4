/** The event chosen in the chart or the list: its text, actors, article, and deleting that article. */
import type { Ref } from 'preact';
import { ActorTypeBadge } from '../components/ActorTypeBadge';
import { formatDateValue } from '../components/dateValue';
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

export function EventDetails({ event, headingRef, onOpenActor, onDeleteArticle, onClose }: EventDetailsProps) {
  const { t, language } = useTranslator();
  return (
    <section class="anl-stack anl-section" aria-labelledby="anl-selected-event">
      <h2 id="anl-selected-event" ref={headingRef} tabIndex={-1}>
        {formatDateValue(event.date, language)}
      </h2>
      <p dir="auto" style={{ margin: '0' }}>
        {event.text}
      </p>
      <ul class="anl-list anl-row">
        {event.actors.map((actor) => (
          <li key={actor.id}>
            <button type="button" onClick={() => onOpenActor(actor.id)}>
              <bdi>{actor.name}</bdi> <ActorTypeBadge type={actor.type} />
            </button>
          </li>
        ))}
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
        <button type="button" class="anl-danger" aria-label={t('deleteArticleNamed', { title: event.article.title })} onClick={() => onDeleteArticle(event.article.id)}>
          {t('deleteArticle')}
        </button>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </section>
  );
}
