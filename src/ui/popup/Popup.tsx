/** The popup's view of one tab: the article's title, site, date, summary and actors, or why there is none. */
import type { Actor, Analysis } from '../../nlp/types';
import { t, type MessageKey } from '../../common/i18n';
import type { PopupState } from './loadState';

const ACTOR_TYPE_LABEL: Record<Actor['type'], MessageKey> = {
  PERSON: 'actorTypePERSON',
  ORG: 'actorTypeORG',
  LOC: 'actorTypeLOC',
  GROUP: 'actorTypeGROUP',
};

function ArticleView({ analysis }: { analysis: Analysis }) {
  const actors = [...analysis.actors].sort((a, b) => b.mentions.length - a.mentions.length);
  // The popup's chrome follows the browser's language; the article's own words keep the article's direction.
  const content = { lang: analysis.lang, dir: analysis.lang.startsWith('ar') ? 'rtl' : 'auto' } as const;
  return (
    <article class="analysis" data-testid="analysis">
      <h1 class="title" {...content}>
        {analysis.title}
      </h1>
      <p class="meta">
        <bdi class="site">{analysis.site}</bdi>
        {' · '}
        <span class="published">{analysis.published ? t('popupPublished', analysis.published) : t('popupPublishedUnknown')}</span>
      </p>
      <section>
        <h2>{t('popupSummary')}</h2>
        {analysis.summary.length > 0 ? (
          <ul class="summary">
            {analysis.summary.map((sentence) => (
              <li key={sentence.start} {...content}>
                {sentence.text}
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t('popupSummaryEmpty')}</p>
        )}
      </section>
      <section>
        <h2>{t('popupActors')}</h2>
        {actors.length > 0 ? (
          <ul class="actors">
            {actors.map((actor) => (
              <li key={actor.id} class={`actor actor-${actor.type.toLowerCase()}`}>
                <bdi class="actor-name" lang={analysis.lang}>
                  {actor.name}
                </bdi>
                <span class="actor-type">{t(ACTOR_TYPE_LABEL[actor.type])}</span>
                <span class="actor-count">{t('popupMentions', String(actor.mentions.length))}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t('popupActorsEmpty')}</p>
        )}
      </section>
      <p class="dates-count">{t('popupDatesCount', String(analysis.dates.length))}</p>
    </article>
  );
}

function Notice({ heading, detail }: { heading: string; detail?: string }) {
  return (
    <div class="notice" data-testid="notice">
      <h1>{heading}</h1>
      {detail ? <p>{detail}</p> : null}
    </div>
  );
}

export function Popup({ state, onOpenOptions }: { state: PopupState; onOpenOptions: () => void }) {
  return (
    <main data-state={state.kind}>
      {state.kind === 'loading' && <p class="loading">{t('popupLoading')}</p>}
      {state.kind === 'analysis' && <ArticleView analysis={state.analysis} />}
      {state.kind === 'notArticle' && <Notice heading={t('popupNotArticle')} detail={t('popupReason', state.reason)} />}
      {state.kind === 'pending' && <Notice heading={t('popupLoading')} detail={t('popupPending')} />}
      {state.kind === 'unreachable' && <Notice heading={t('popupNotArticle')} detail={t('popupPageUnreachable')} />}
      {state.kind === 'failed' && <Notice heading={t('popupNotArticle')} detail={t('popupAnalysisFailed', state.error)} />}
      <footer>
        <button type="button" class="link" onClick={onOpenOptions}>
          {t('popupOpenOptions')}
        </button>
      </footer>
    </main>
  );
}
