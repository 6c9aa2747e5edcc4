/**
 * The options page: sites switched off, highlights (on/off, types, colours), the card delay, theme and
 * language, keyboard shortcuts, the privacy statement and the storage used. Every change goes through
 * `source.updateSettings` at once (no Save button), and the page says whether it was saved.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ActorType } from '../../nlp/types';
import { CARD_DELAY_RANGE, normalizeHostname, type Settings, type SettingsPatch } from '../../common/settings';
import { ACTOR_TYPES, ActorTypeBadge, actorTypeLabelKey } from '../components/ActorTypeBadge';
import { ErrorNotice, describeFailure } from '../components/ErrorNotice';
import { formatBytes } from '../components/format';
import { resolveViewLanguage, useTranslator, type MessageKey } from '../components/i18n';
import { UiRoot } from '../components/UiRoot';
import type { StoreStats } from '../../background/store/api';
import type { KeyboardShortcut, OptionsDataSource } from './optionsTypes';

export interface OptionsPanelProps {
  source: OptionsDataSource;
  /** The browser's UI language (`browser.i18n.getUILanguage()`), used while the setting is 'auto'. */
  browserLanguage: string;
}

type Loaded<T> = { status: 'loading' } | { status: 'failed'; error: string } | { status: 'ready'; value: T };

export function OptionsPanel({ source, browserLanguage }: OptionsPanelProps) {
  const [settings, setSettings] = useState<Loaded<Settings>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    setSettings({ status: 'loading' });
    source.getSettings().then(
      (value) => setSettings({ status: 'ready', value }),
      (error: unknown) => setSettings({ status: 'failed', error: describeFailure(error) }),
    );
    return source.subscribe?.((value) => setSettings({ status: 'ready', value }));
  }, [source, attempt]);

  // Until the settings are known, the browser's language and theme are the best guess.
  const current = settings.status === 'ready' ? settings.value : null;
  const language = resolveViewLanguage(current?.uiLanguage, browserLanguage);
  return (
    <UiRoot language={language} theme={current?.theme ?? 'system'} class="anl-options" ownsDocument>
      {settings.status === 'loading' && <p role="status">…</p>}
      {settings.status === 'failed' && <ErrorNotice error={settings.error} onRetry={() => setAttempt(attempt + 1)} />}
      {current !== null && <OptionsForm source={source} settings={current} onSaved={(value) => setSettings({ status: 'ready', value })} />}
    </UiRoot>
  );
}

interface OptionsFormProps {
  source: OptionsDataSource;
  settings: Settings;
  onSaved(settings: Settings): void;
}

const SHORTCUT_LABELS: Record<string, MessageKey> = {
  _execute_action: 'shortcutOpenPopup',
  _execute_browser_action: 'shortcutOpenPopup',
  'toggle-highlights': 'shortcutToggleHighlights',
  'next-mention': 'shortcutNextMention',
  'previous-mention': 'shortcutPreviousMention',
};

function OptionsForm({ source, settings, onSaved }: OptionsFormProps) {
  const { t, language } = useTranslator();
  // Our commands in the UI language: the browser gives their descriptions in its own language, and none at all
  // for the one that opens the popup (which showed as "_execute_action").
  const shortcutLabel = (shortcut: KeyboardShortcut): string => {
    const key = SHORTCUT_LABELS[shortcut.name];
    return key !== undefined ? t(key) : shortcut.description || shortcut.name;
  };
  const [saveState, setSaveState] = useState<{ ok: true } | { ok: false; error: string } | null>(null);
  const [shortcuts, setShortcuts] = useState<KeyboardShortcut[] | null>(null);
  const [stats, setStats] = useState<Loaded<StoreStats>>({ status: 'loading' });
  const [newSite, setNewSite] = useState('');
  const [siteInvalid, setSiteInvalid] = useState(false);

  useEffect(() => {
    source.getShortcuts().then(setShortcuts, () => setShortcuts([]));
    source.getStorageStats().then(
      (value) => setStats({ status: 'ready', value }),
      (error: unknown) => setStats({ status: 'failed', error: describeFailure(error) }),
    );
  }, [source]);

  const save = (patch: SettingsPatch) => {
    source.updateSettings(patch).then(
      (saved) => {
        onSaved(saved);
        setSaveState({ ok: true });
      },
      (error: unknown) => setSaveState({ ok: false, error: describeFailure(error) }),
    );
  };

  const addSite = (event: Event) => {
    event.preventDefault();
    const host = normalizeHostname(newSite);
    if (host === undefined) {
      setSiteInvalid(true);
      return;
    }
    setSiteInvalid(false);
    setNewSite('');
    if (!settings.disabledSites.includes(host)) save({ disabledSites: [...settings.disabledSites, host] });
  };

  const toggleType = (type: ActorType, on: boolean) => {
    const types = on ? [...settings.highlightTypes, type] : settings.highlightTypes.filter((candidate) => candidate !== type);
    save({ highlightTypes: types });
  };

  return (
    <main class="anl-stack">
      <h1>
        {t('appName')} · {t('optionsTitle')}
      </h1>
      <p role="status" aria-live="polite" class={saveState?.ok === false ? 'anl-notice anl-error anl-wrap' : 'anl-muted'} style={{ minHeight: '1.5em', margin: '0' }}>
        {saveState === null ? '' : saveState.ok ? t('saved') : t('saveFailed', { error: saveState.error })}
      </p>

      <section class="anl-section" aria-labelledby="anl-sites">
        <h2 id="anl-sites">{t('sitesHeading')}</h2>
        <p class="anl-muted">{t('sitesHelp')}</p>
        {settings.disabledSites.length === 0 ? (
          <p>{t('noSitesOff')}</p>
        ) : (
          <ul class="anl-list anl-stack" aria-labelledby="anl-sites">
            {settings.disabledSites.map((site) => (
              <li key={site} class="anl-row" style={{ justifyContent: 'space-between' }}>
                <bdi class="anl-wrap">{site}</bdi>
                <button type="button" aria-label={`${t('removeSite')}: ${site}`} onClick={() => save({ disabledSites: settings.disabledSites.filter((other) => other !== site) })}>
                  {t('removeSite')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="anl-row" onSubmit={addSite} style={{ marginBlockStart: '.75rem', alignItems: 'end' }}>
          <label class="anl-field" style={{ margin: '0' }}>
            {t('addSiteLabel')}
            <input
              type="text"
              dir="ltr"
              inputMode="url"
              autoComplete="off"
              spellcheck={false}
              placeholder="example.com"
              value={newSite}
              aria-invalid={siteInvalid}
              aria-describedby={siteInvalid ? 'anl-site-error' : undefined}
              onInput={(event) => setNewSite((event.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <button type="submit">{t('addSite')}</button>
        </form>
        {siteInvalid && (
          <p id="anl-site-error" role="alert" class="anl-muted">
            {t('invalidSite')}
          </p>
        )}
      </section>

      <section class="anl-section anl-stack" aria-labelledby="anl-highlights">
        <h2 id="anl-highlights">{t('highlightHeading')}</h2>
        <label class="anl-switch">
          <input type="checkbox" checked={settings.highlights} onChange={(event) => save({ highlights: (event.currentTarget as HTMLInputElement).checked })} />
          {t('highlightEnabled')}
        </label>
        <fieldset style={{ border: '1px solid var(--anl-border)', borderRadius: '8px' }}>
          <legend>{t('highlightTypes')}</legend>
          {ACTOR_TYPES.map((type) => (
            <div key={type} class="anl-row" style={{ justifyContent: 'space-between', marginBlock: '.35rem' }}>
              <label class="anl-switch">
                <input type="checkbox" checked={settings.highlightTypes.includes(type)} onChange={(event) => toggleType(type, (event.currentTarget as HTMLInputElement).checked)} />
                <ActorTypeBadge type={type} />
              </label>
              <span class="anl-switch">
                <span aria-hidden="true" dir="ltr" class="anl-muted" style={{ fontFamily: 'ui-monospace, monospace', fontSize: '.85rem' }}>
                  {settings.colors[type]}
                </span>
                <input
                  type="color"
                  aria-label={t('colourFor', { type: t(actorTypeLabelKey(type)) })}
                  value={settings.colors[type].toLowerCase()}
                  onChange={(event) => save({ colors: { [type]: (event.currentTarget as HTMLInputElement).value } })}
                />
              </span>
            </div>
          ))}
        </fieldset>
        <label class="anl-field">
          {t('cardDelay')}
          <input
            type="number"
            min={CARD_DELAY_RANGE.min}
            max={CARD_DELAY_RANGE.max}
            step={50}
            value={settings.cardDelayMs}
            style={{ maxWidth: '10rem' }}
            onChange={(event) => {
              const value = Number((event.currentTarget as HTMLInputElement).value);
              if (Number.isFinite(value)) save({ cardDelayMs: Math.round(Math.min(CARD_DELAY_RANGE.max, Math.max(CARD_DELAY_RANGE.min, value))) });
            }}
          />
        </label>
      </section>

      <section class="anl-section anl-stack" aria-labelledby="anl-appearance">
        <h2 id="anl-appearance">{t('appearanceHeading')}</h2>
        <fieldset style={{ border: '1px solid var(--anl-border)', borderRadius: '8px' }}>
          <legend>{t('theme')}</legend>
          {(['system', 'light', 'dark'] as const).map((theme) => (
            <label key={theme} class="anl-switch" style={{ marginBlock: '.25rem' }}>
              <input type="radio" name="anl-theme" value={theme} checked={settings.theme === theme} onChange={() => save({ theme })} />
              {t(theme === 'system' ? 'themeSystem' : theme === 'light' ? 'themeLight' : 'themeDark')}
            </label>
          ))}
        </fieldset>
        <label class="anl-field">
          {t('uiLanguage')}
          <select
            value={settings.uiLanguage}
            style={{ maxWidth: '16rem' }}
            onChange={(event) => save({ uiLanguage: (event.currentTarget as HTMLSelectElement).value as Settings['uiLanguage'] })}
          >
            <option value="auto">{t('uiLanguageBrowser')}</option>
            <option value="ar" lang="ar">
              {t('uiLanguageAr')}
            </option>
            <option value="en" lang="en">
              {t('uiLanguageEn')}
            </option>
          </select>
        </label>
      </section>

      <section class="anl-section" aria-labelledby="anl-shortcuts">
        <h2 id="anl-shortcuts">{t('shortcutsHeading')}</h2>
        {shortcuts === null ? (
          <p class="anl-muted">{t('loading')}</p>
        ) : shortcuts.length === 0 ? (
          <p>{t('noShortcuts')}</p>
        ) : (
          <dl class="anl-stack">
            {shortcuts.map((shortcut) => (
              <div key={shortcut.name} class="anl-row" style={{ justifyContent: 'space-between' }}>
                <dt dir="auto">{shortcutLabel(shortcut)}</dt>
                <dd style={{ margin: '0' }}>{shortcut.shortcut ? <kbd class="anl-kbd" dir="ltr">{shortcut.shortcut}</kbd> : <span class="anl-muted">{t('shortcutUnset')}</span>}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section class="anl-section" aria-labelledby="anl-privacy" data-testid="privacy">
        <h2 id="anl-privacy">{t('privacyHeading')}</h2>
        <p>{t('privacyText')}</p>
      </section>

      <section class="anl-section" aria-labelledby="anl-storage">
        <h2 id="anl-storage">{t('storageHeading')}</h2>
        {stats.status === 'loading' && <p class="anl-muted">{t('loading')}</p>}
        {stats.status === 'failed' && <p class="anl-muted anl-wrap">{t('errorDetails', { error: stats.error })}</p>}
        {stats.status === 'ready' && <p>{t('storageLine', { size: formatBytes(stats.value.approxBytes, language), articles: stats.value.articles })}</p>}
      </section>
    </main>
  );
}
