/** Query parameters of the demo pages (`?lang=ar&theme=dark&…`), for screenshots of every state in both themes. */
import type { Theme } from '../../common/settings';
import type { ViewLanguage } from './i18n';

export interface DemoParams {
  language: ViewLanguage;
  theme: Theme;
  params: URLSearchParams;
}

export function readDemoParams(search: string): DemoParams {
  const params = new URLSearchParams(search);
  const language = params.get('lang') === 'en' ? 'en' : 'ar';
  const themeParam = params.get('theme');
  const theme: Theme = themeParam === 'dark' || themeParam === 'light' ? themeParam : 'system';
  return { language, theme, params };
}
