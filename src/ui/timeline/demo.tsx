/**
 * The timeline page over invented data, for screenshots and manual checks:
 * `demo.html?lang=ar|en&theme=light|dark&articles=10000` (default 400 articles; 0 shows the empty store).
 */
import { render } from 'preact';
import { readDemoParams } from '../components/demoParams';
import { FakeTimelineSource } from './fakeTimelineSource';
import { TimelinePage } from './TimelinePage';

const { language, theme, params } = readDemoParams(location.search);
const articles = Math.max(0, Math.min(50_000, Number(params.get('articles') ?? 400) || 0));
const source = new FakeTimelineSource({ articles });

const root = document.getElementById('app');
if (root !== null) render(<TimelinePage source={source} language={language} theme={theme} listHeight={Math.max(320, window.innerHeight - 420)} />, root);
