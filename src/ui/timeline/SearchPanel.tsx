/** Search an actor by any spelling (the source normalises); each result opens the actor view. */
import { useRef, useState } from 'preact/hooks';
import { ActorTypeBadge } from '../components/ActorTypeBadge';
import { describeFailure } from '../components/ErrorNotice';
import { useTranslator } from '../components/i18n';
import type { ActorSummary, TimelineDataSource } from './dataSource';

/** Results shown at most: a name rarely matches more actors than fit the side panel. */
const SEARCH_LIMIT = 20;

export interface SearchPanelProps {
  source: TimelineDataSource;
  onOpenActor(actorId: string): void;
  onError(message: string): void;
}

/** Spellings other than the display name, at most a few: enough to show why a search matched. */
function otherSpellings(actor: ActorSummary): string[] {
  return actor.aliases.filter((alias) => alias !== actor.name).slice(0, 4);
}

export function SearchPanel({ source, onOpenActor, onError }: SearchPanelProps) {
  const { t, rich, plural } = useTranslator();
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<ActorSummary[] | null>(null);
  // Answers to earlier keystrokes may arrive after later ones: only the latest may show.
  const latest = useRef(0);

  const search = (value: string) => {
    setText(value);
    const request = ++latest.current;
    if (value.trim() === '') {
      setMatches(null);
      return;
    }
    source.searchActors(value.trim(), SEARCH_LIMIT).then(
      (found) => request === latest.current && setMatches(found),
      (error: unknown) => request === latest.current && onError(t('errorDetails', { error: describeFailure(error) })),
    );
  };

  return (
    <section aria-labelledby="anl-search" class="anl-stack">
      <h2 id="anl-search">{t('searchResults')}</h2>
      <label class="anl-field">
        {t('searchLabel')}
        <input type="search" dir="auto" value={text} placeholder={t('searchPlaceholder')} onInput={(event) => search((event.currentTarget as HTMLInputElement).value)} />
      </label>
      {matches !== null &&
        (matches.length === 0 ? (
          <p class="anl-muted">{rich('searchNoResults', { query: <bdi>{text}</bdi> })}</p>
        ) : (
          <ul class="anl-list" aria-label={t('searchResults')}>
            {matches.map((match) => (
              <li key={match.id}>
                <button type="button" class="anl-actor-button" onClick={() => onOpenActor(match.id)}>
                  <span>
                    <bdi style={{ fontWeight: '600' }}>{match.name}</bdi> <ActorTypeBadge type={match.type} />
                    {otherSpellings(match).length > 0 && (
                      <span class="anl-muted" style={{ display: 'block', fontSize: '.85rem' }}>
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
  );
}
