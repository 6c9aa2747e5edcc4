/**
 * The popup with invented data, for screenshots: `popup-demo.html?lang=ar|en&theme=light|dark&state=…`
 * where state is article (default), many (200 actors), long (very long title, name and site), notArticle, analyzing, siteOff, failed or unsupported.
 */
import { render } from 'preact';
import { readDemoParams } from '../components/demoParams';
import { DEMO_ANALYSIS, manyActors } from './demoAnalysis';
import { PopupPanel } from './PopupPanel';
import type { PopupDataSource, PopupView } from './popupTypes';

function demoView(state: string | null): PopupView | Error {
  switch (state) {
    case 'many':
      return { kind: 'article', analysis: manyActors(200), site: 'news.example', highlightsEnabled: true };
    case 'long':
      return {
        kind: 'article',
        analysis: {
          ...DEMO_ANALYSIS,
          title: `${DEMO_ANALYSIS.title} ${'وتفاصيل إضافية طويلة جدًا عن الاجتماع '.repeat(8)}`,
          actors: DEMO_ANALYSIS.actors.map((actor, index) =>
            index === 0 ? { ...actor, name: `${actor.name} ${'بن عبد الله '.repeat(10)}`, role: `${actor.role ?? ''} ${'ومستشار '.repeat(12)}` } : actor,
          ),
        },
        site: `very-long-subdomain-name-for-testing.${'example.'.repeat(6)}com`,
        highlightsEnabled: true,
      };
    case 'notArticle':
      return { kind: 'notArticle', site: 'shop.example', reason: 'the page is in English, not Arabic', highlightsEnabled: true };
    case 'analyzing':
      return { kind: 'analyzing', site: 'news.example' };
    case 'siteOff':
      return { kind: 'siteOff', site: 'news.example' };
    case 'failed':
      return new Error('Could not establish connection. Receiving end does not exist.');
    case 'unsupported':
      return { kind: 'unsupported' };
    default:
      return { kind: 'article', analysis: DEMO_ANALYSIS, site: 'news.example', highlightsEnabled: true };
  }
}

const { language, theme, params } = readDemoParams(location.search);
let view = demoView(params.get('state'));
const load = async (): Promise<PopupView> => {
  if (view instanceof Error) throw view;
  return view;
};
const source: PopupDataSource = {
  load,
  analyzeAnyway: async () => (view = demoView('article')) as PopupView,
  revealActor: async () => {},
  setSiteEnabled: async (_site, enabled) => {
    view = demoView(enabled ? 'article' : 'siteOff');
  },
  setHighlightsEnabled: async (enabled) => {
    if (!(view instanceof Error) && view.kind === 'article') view = { ...view, highlightsEnabled: enabled };
  },
  openTimeline: () => {},
  openOptions: () => {},
};

const root = document.getElementById('app');
// A long poll interval: the analysing state stays on screen for its screenshot.
if (root !== null) render(<PopupPanel source={source} language={language} theme={theme} pollIntervalMs={3_600_000} />, root);
