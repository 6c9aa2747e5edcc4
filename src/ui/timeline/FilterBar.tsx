/** The timeline's filters: words, actor type, site, date range, the actor chosen elsewhere, and "clear". */
import type { ActorType } from '../../nlp/types';
import { ACTOR_TYPES, actorTypeLabelKey } from '../components/ActorTypeBadge';
import { DateField } from '../components/DateField';
import { useTranslator } from '../components/i18n';
import type { TimelineFilter } from './dataSource';

export interface FilterBarProps {
  filter: TimelineFilter;
  /** Sites offered in the site filter. */
  sites: readonly string[];
  /** Years the date fields offer (those the timeline has events in). */
  years: readonly number[];
  /** Display name of `filter.actorId` (the filter itself only knows the id). */
  actorName: string;
  /** A field set to undefined is removed from the filter. */
  onChange(patch: Partial<TimelineFilter>): void;
  onClear(): void;
}

const valueOf = (event: Event): string | undefined => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value || undefined;

export function FilterBar({ filter, sites, years, actorName, onChange, onClear }: FilterBarProps) {
  const { t } = useTranslator();
  return (
    <section aria-labelledby="anl-filters">
      <h2 id="anl-filters">{t('filters')}</h2>
      <div class="anl-filters">
        <label>
          {t('filterText')}
          {/* dir="auto": the query's own direction (an English name typed into the Arabic UI stays readable). */}
          <input
            type="search"
            dir="auto"
            value={filter.text ?? ''}
            placeholder={t('filterTextPlaceholder')}
            onInput={(event) => onChange({ text: valueOf(event) })}
          />
        </label>
        <label>
          {t('filterType')}
          <select value={filter.type ?? ''} onChange={(event) => onChange({ type: valueOf(event) as ActorType | undefined })}>
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
          <select value={filter.site ?? ''} onChange={(event) => onChange({ site: valueOf(event) })}>
            <option value="">{t('filterAnySite')}</option>
            {sites.map((site) => (
              <option key={site} value={site}>
                {site}
              </option>
            ))}
          </select>
        </label>
        <div class="anl-date-range">
          <DateField legend={t('filterFrom')} value={filter.from} bound="start" years={years} onChange={(from) => onChange({ from })} />
          <DateField legend={t('filterTo')} value={filter.to} bound="end" years={years} onChange={(to) => onChange({ to })} />
        </div>
        {filter.actorId !== undefined && (
          <p style={{ margin: '0' }}>
            {t('filterActor')}: <bdi style={{ fontWeight: '600' }}>{actorName}</bdi>
          </p>
        )}
        {Object.keys(filter).length > 0 && (
          <button type="button" onClick={onClear}>
            {t('clearFilters')}
          </button>
        )}
      </div>
    </section>
  );
}
