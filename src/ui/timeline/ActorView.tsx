/** Everything the timeline knows about one actor: spellings, roles, articles and recent events. */
import { ActorTypeBadge } from '../components/ActorTypeBadge';
import { formatDateValue } from '../components/dateValue';
import { useTranslator } from '../components/i18n';
import type { ActorCard } from './dataSource';

export interface ActorViewProps {
  card: ActorCard;
  onFilterByActor(actorId: string, name: string): void;
  onDeleteArticle(articleId: string): void;
  onClose(): void;
}

export function ActorView({ card, onFilterByActor, onDeleteArticle, onClose }: ActorViewProps) {
  const { t, n, plural, language } = useTranslator();
  const { actor } = card;
  const otherSpellings = card.aliases.filter((alias) => alias.value !== actor.name);
  return (
    <section class="anl-stack" aria-labelledby="anl-actor-name">
      <h2 id="anl-actor-name" class="anl-wrap">
        <bdi>{actor.name}</bdi> <ActorTypeBadge type={actor.type} />
      </h2>
      <p class="anl-muted" style={{ margin: '0' }}>
        {plural('articlesCount', actor.articleCount)}
      </p>
      <div class="anl-row">
        <button type="button" class="anl-primary" onClick={() => onFilterByActor(actor.id, actor.name)}>
          {t('actorFilterBy')}
        </button>
        <button type="button" onClick={onClose}>
          {t('backToTimeline')}
        </button>
      </div>
      {otherSpellings.length > 0 && (
        <div>
          <h3>{t('actorAliases')}</h3>
          <ul class="anl-list anl-row">
            {otherSpellings.map((alias) => (
              <li key={alias.value} class="anl-badge" style={{ background: 'var(--anl-surface)', color: 'var(--anl-text)' }}>
                <bdi>{alias.value}</bdi> <span class="anl-muted">×{n(alias.count)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {card.roles.length > 0 && (
        <div>
          <h3>{t('actorRoles')}</h3>
          <ul>
            {card.roles.map((role) => (
              <li key={role.value} dir="auto" class="anl-wrap">
                {role.value}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <h3>{t('actorArticles')}</h3>
        <ul class="anl-list anl-stack">
          {card.articles.map((article) => (
            <li key={article.id}>
              <a href={article.url} dir="auto" class="anl-wrap" target="_blank" rel="noopener noreferrer">
                {article.title}
              </a>
              <div class="anl-row anl-muted" style={{ fontSize: '.85rem' }}>
                <bdi>{article.site}</bdi>
                {article.published && <span>{formatDateValue(article.published, language)}</span>}
                <button
                  type="button"
                  class="anl-danger"
                  style={{ minHeight: '1.6rem', padding: '0 .5em' }}
                  aria-label={t('deleteArticleNamed', { title: article.title })}
                  onClick={() => onDeleteArticle(article.id)}
                >
                  {t('deleteArticle')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      </div>
      {card.recentEvents.length > 0 && (
        <div>
          <h3>{t('actorEvents')}</h3>
          <ol class="anl-list anl-stack">
            {card.recentEvents.map((event) => (
              <li key={event.id}>
                <strong>{formatDateValue(event.date, language)}</strong>
                <span dir="auto" class="anl-wrap" style={{ display: 'block' }}>
                  {event.text}
                </span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
