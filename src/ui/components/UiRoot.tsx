/**
 * The root of every view: language, direction and theme in one place.
 * `dir` on the root makes the whole view right-to-left in Arabic; user content inside uses `dir="auto"`/<bdi>
 * so a Latin name in an Arabic UI (or the reverse) keeps its own order.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import type { Theme } from '../../common/settings';
import { I18nProvider, createTranslator, type ViewLanguage } from './i18n';
import { UI_CSS } from './styles';

/** The theme the user chose; 'system' follows the browser's prefers-color-scheme. */
export type ThemeChoice = Theme;

export interface UiRootProps {
  language: ViewLanguage;
  theme: ThemeChoice;
  /** Extra class for the view's layout (e.g. `anl-popup`). */
  class?: string;
  /** Also set lang/dir/background on <html>, for a view that owns its whole document. */
  ownsDocument?: boolean;
  children: ComponentChildren;
}

export function UiRoot({ language, theme, class: className, ownsDocument = false, children }: UiRootProps) {
  const translator = useMemo(() => createTranslator(language), [language]);
  useEffect(() => {
    if (!ownsDocument) return;
    const html = document.documentElement;
    html.lang = language;
    html.dir = translator.direction;
    html.style.colorScheme = theme === 'system' ? 'light dark' : theme;
    document.title = translator.t('appName');
    document.body.style.margin = '0';
  }, [ownsDocument, language, theme, translator]);
  return (
    <I18nProvider value={translator}>
      <div class={`anl-root ${className ?? ''}`} data-theme={theme} lang={language} dir={translator.direction}>
        <style>{UI_CSS}</style>
        {children}
      </div>
    </I18nProvider>
  );
}
