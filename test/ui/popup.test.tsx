// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEY_ACTOR_LIMIT, PopupPanel } from '../../src/ui/panels/PopupPanel';
import { DEMO_ANALYSIS, manyActors } from '../../src/ui/panels/demoAnalysis';
import type { PopupDataSource, PopupView } from '../../src/ui/panels/popupTypes';

afterEach(cleanup);

function fakeSource(views: PopupView[] | (() => Promise<PopupView>)): PopupDataSource & { [K in keyof PopupDataSource]: ReturnType<typeof vi.fn> } {
  const queue = Array.isArray(views) ? [...views] : null;
  const load = vi.fn(
    typeof views === 'function'
      ? views
      : async () => (queue !== null && queue.length > 1 ? queue.shift() : queue?.[0]) as PopupView,
  );
  return {
    load,
    analyzeAnyway: vi.fn(async (): Promise<PopupView> => ({ kind: 'article', analysis: DEMO_ANALYSIS, site: 'news.example', highlightsEnabled: true })),
    revealActor: vi.fn(async () => {}),
    setSiteEnabled: vi.fn(async () => {}),
    setHighlightsEnabled: vi.fn(async () => {}),
    openTimeline: vi.fn(),
    openOptions: vi.fn(),
  } as never;
}

const articleView: PopupView = { kind: 'article', analysis: DEMO_ANALYSIS, site: 'news.example', highlightsEnabled: true };

describe('PopupPanel on an article', () => {
  it('shows title, site, Arabic publication date, reading time, summary, actors and events, right to left', async () => {
    const source = fakeSource([articleView]);
    const { container } = render(<PopupPanel source={source} language="ar" theme="light" />);
    expect(await screen.findByRole('heading', { level: 1, name: DEMO_ANALYSIS.title })).toBeTruthy();
    expect(container.querySelector('.anl-root')?.getAttribute('dir')).toBe('rtl');
    expect(screen.getByText('news.example', { selector: 'dd bdi' })).toBeTruthy();
    // 2026-11-22 with the Arabic month name (نوفمبر) from Intl.
    expect(screen.getByText(/نوفمبر/, { selector: 'dd' })).toBeTruthy();
    // 199 words at 200 a minute: one minute, in Arabic's singular.
    expect(screen.getByText('دقيقة', { selector: 'dd' })).toBeTruthy();
    expect(screen.getByText(DEMO_ANALYSIS.summary[0]!.text)).toBeTruthy();
    const actorList = screen.getByRole('heading', { name: 'الفاعلون الرئيسيون' }).parentElement!;
    const actorButtons = within(actorList).getAllByRole('button');
    // Ranked as keyActors says: البوسعيدي first, with his role and type.
    expect(actorButtons[0]!.textContent).toContain('بدر البوسعيدي');
    expect(actorButtons[0]!.textContent).toContain('وزير الخارجية العُماني');
    expect(actorButtons[0]!.textContent).toContain('شخص');
    expect(screen.getByRole('img', { name: 'أحداث المقال على خط زمني' })).toBeTruthy();
    const eventList = screen.getByRole('heading', { name: 'الأحداث المؤرخة' }).parentElement!.querySelector('ol')!;
    const eventItems = within(eventList).getAllByRole('listitem').map((item) => item.textContent ?? '');
    // In date order: the February round (an interval, shown with its days), then the 22nd, then the coming Saturday.
    expect(eventItems).toHaveLength(3);
    expect(eventItems[0]).toMatch(/فبراير/);
    expect(eventItems[2]).toContain('الوفد سيصل');
  });

  it('reveals an actor in the page when it is clicked', async () => {
    const source = fakeSource([articleView]);
    render(<PopupPanel source={source} language="en" theme="dark" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Show الولايات المتحدة in the page' }));
    expect(source.revealActor).toHaveBeenCalledWith('a3');
  });

  it('switches the site off and the highlights through the source', async () => {
    // The tab's state after each change: still the article after the highlight toggle, switched off after the site switch.
    const source = fakeSource([articleView, { ...articleView, highlightsEnabled: false }, { kind: 'siteOff', site: 'news.example' }]);
    render(<PopupPanel source={source} language="en" theme="light" />);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Highlight actors in the page' }));
    await waitFor(() => expect(source.setHighlightsEnabled).toHaveBeenCalledWith(false));
    await waitFor(() => expect((screen.getByRole('checkbox', { name: 'Highlight actors in the page' }) as HTMLInputElement).checked).toBe(false));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Read articles on news.example' }));
    await waitFor(() => expect(source.setSiteEnabled).toHaveBeenCalledWith('news.example', false));
    expect(await screen.findByRole('button', { name: 'Turn on for this site' })).toBeTruthy();
  });

  it('says clearly when the article could not be kept in the timeline, and still shows its story', async () => {
    const source = fakeSource([{ ...articleView, storeError: 'storage is full: this article was not added to the timeline' }]);
    render(<PopupPanel source={source} language="en" theme="light" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This article was not added to your timeline');
    expect(alert.textContent).toContain('storage is full');
    expect(screen.getByRole('heading', { level: 1, name: DEMO_ANALYSIS.title })).toBeTruthy();
  });

  it('shows no storage notice when the article was kept', async () => {
    render(<PopupPanel source={fakeSource([articleView])} language="en" theme="light" />);
    await screen.findByRole('heading', { level: 1, name: DEMO_ANALYSIS.title });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('collapses 200 actors to the top ones with "show all"', async () => {
    const source = fakeSource([{ ...articleView, analysis: manyActors(200) }]);
    render(<PopupPanel source={source} language="en" theme="light" />);
    const showAll = await screen.findByRole('button', { name: 'Show all (200)' });
    const revealButtons = () => screen.getAllByRole('button', { name: /^Show .* in the page$/ });
    expect(revealButtons()).toHaveLength(KEY_ACTOR_LIMIT);
    fireEvent.click(showAll);
    expect(revealButtons()).toHaveLength(200);
    fireEvent.click(screen.getByRole('button', { name: 'Show fewer' }));
    expect(revealButtons()).toHaveLength(KEY_ACTOR_LIMIT);
  });
});

describe('PopupPanel on other pages', () => {
  it('explains a non-article page and analyses it anyway on request, with progress in between', async () => {
    let finishAnalysis: (view: PopupView) => void = () => {};
    const source = fakeSource([{ kind: 'notArticle', site: 'blog.example', reason: 'the page is in English', highlightsEnabled: true }]);
    source.analyzeAnyway.mockImplementation(() => new Promise<PopupView>((resolve) => (finishAnalysis = resolve)));
    render(<PopupPanel source={source} language="en" theme="light" />);
    expect(await screen.findByRole('heading', { name: 'Not an Arabic news article' })).toBeTruthy();
    expect(screen.getByText('the page is in English', { selector: 'bdi' }).parentElement!.textContent).toBe('Reason: the page is in English');
    fireEvent.click(screen.getByRole('button', { name: 'Analyse anyway' }));
    expect(source.analyzeAnyway).toHaveBeenCalledOnce();
    expect(screen.getByRole('status').textContent).toContain('Analysing the article');
    finishAnalysis(articleView);
    expect(await screen.findByRole('heading', { level: 1, name: DEMO_ANALYSIS.title })).toBeTruthy();
  });

  it('asks again while the page is being analysed', async () => {
    const source = fakeSource([{ kind: 'analyzing', site: 'news.example' }, articleView]);
    render(<PopupPanel source={source} language="en" theme="light" pollIntervalMs={5} />);
    expect(await screen.findByRole('heading', { level: 1, name: DEMO_ANALYSIS.title })).toBeTruthy();
    expect(source.load).toHaveBeenCalledTimes(2);
  });

  it('offers to turn a switched-off site back on', async () => {
    const source = fakeSource([{ kind: 'siteOff', site: 'news.example' }, articleView]);
    render(<PopupPanel source={source} language="ar" theme="system" />);
    expect(await screen.findByRole('heading', { name: 'الإضافة متوقفة على news.example' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'شغّلها لهذا الموقع' }));
    await waitFor(() => expect(source.setSiteEnabled).toHaveBeenCalledWith('news.example', true));
    expect(await screen.findByRole('heading', { level: 1, name: DEMO_ANALYSIS.title })).toBeTruthy();
  });

  it('says the background failed and retries', async () => {
    let attempts = 0;
    const source = fakeSource(async () => {
      attempts += 1;
      // Shaped like messaging.ts' MessageError: the message's name prefixes the reason, and the reader need not see it.
      if (attempts === 1) throw Object.assign(new Error('getTabAnalysis: Could not establish connection. Receiving end does not exist.'), { messageName: 'getTabAnalysis' });
      return articleView;
    });
    render(<PopupPanel source={source} language="en" theme="light" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The extension is not answering');
    expect(alert.textContent).toContain('Receiving end does not exist');
    expect(alert.textContent).not.toContain('getTabAnalysis:');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: DEMO_ANALYSIS.title })).toBeTruthy();
  });

  it('says the analysis failed and analyses again on request', async () => {
    const source = fakeSource([{ kind: 'failed', site: 'news.example', error: 'the model could not load' }]);
    render(<PopupPanel source={source} language="en" theme="light" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The analysis failed');
    expect(alert.textContent).toContain('the model could not load');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(source.analyzeAnyway).toHaveBeenCalledOnce();
    expect(await screen.findByRole('heading', { level: 1, name: DEMO_ANALYSIS.title })).toBeTruthy();
  });

  it('opens the timeline and the options', async () => {
    const source = fakeSource([{ kind: 'unsupported' }]);
    render(<PopupPanel source={source} language="en" theme="light" />);
    expect(await screen.findByText(/cannot be read by extensions/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open the timeline' }));
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    expect(source.openTimeline).toHaveBeenCalledOnce();
    expect(source.openOptions).toHaveBeenCalledOnce();
  });
});
