// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExportedFile, TimelineEvent, TimelineFilter } from '../../src/ui/timeline/dataSource';
import { FAKE_BACKUP_FORMAT, FakeTimelineSource } from '../../src/ui/timeline/fakeTimelineSource';
import { TimelinePage } from '../../src/ui/timeline/TimelinePage';

afterEach(cleanup);

function renderPage(source: FakeTimelineSource, language: 'ar' | 'en' = 'en', saveFile = vi.fn<(file: ExportedFile) => void>()) {
  const view = render(<TimelinePage source={source} language={language} theme="light" listHeight={400} chartWidth={800} saveFile={saveFile} />);
  return { ...view, saveFile };
}

/** What a filter keeps, by the fake's own paged query (independent of the page's in-memory filtering). */
async function allEvents(source: FakeTimelineSource, filter: TimelineFilter = {}): Promise<TimelineEvent[]> {
  const events: TimelineEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await source.getTimeline({ ...filter, limit: 500, ...(cursor === undefined ? {} : { cursor }) });
    events.push(...page.events);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return events;
}

/** Sets a date field of the filters: its year, month and day selects, in that order (as a reader would). */
function setDate(label: 'From' | 'To', iso: string) {
  const group = screen.getByRole('group', { name: label });
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  fireEvent.change(within(group).getByRole('combobox', { name: 'Year' }), { target: { value: String(year) } });
  fireEvent.change(within(group).getByRole('combobox', { name: 'Month' }), { target: { value: String(month) } });
  fireEvent.change(within(group).getByRole('combobox', { name: 'Day' }), { target: { value: String(day) } });
}

const listedCount = () => screen.getByRole('heading', { name: /Events by date/ }).textContent ?? '';

const listRows = () => within(screen.getByRole('list', { name: /Events by date|الأحداث حسب التاريخ/ })).getAllByRole('listitem');

describe('TimelinePage with 10,000 articles', () => {
  it('renders only the visible rows of 60,000 events and draws density when crowded', async () => {
    const source = new FakeTimelineSource({ articles: 10_000 });
    renderPage(source, 'ar');
    const list = await screen.findByRole('list', { name: 'الأحداث حسب التاريخ' });
    // The first page shows at once; the count reaches every event once all pages are in.
    await waitFor(() => expect(screen.getByRole('heading', { name: /الأحداث حسب التاريخ/ }).textContent).toContain('60,000'), { timeout: 20_000 });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    // The list still announces its full size: 60,000 events plus one header per date.
    expect(Number(rows[0]!.getAttribute('aria-setsize'))).toBeGreaterThan(60_000);
    expect(screen.getByText(/معروضة ككثافة/)).toBeTruthy();
    expect(document.querySelectorAll('.anl-chart-marker')).toHaveLength(0);
    expect(document.querySelectorAll('.anl-chart-bar').length).toBeGreaterThan(0);
  });

  it('renders other rows when the list is scrolled', async () => {
    renderPage(new FakeTimelineSource({ articles: 2_000 }));
    const list = await screen.findByRole('list', { name: 'Events by date' });
    const firstPosition = Number(listRows()[0]!.getAttribute('aria-posinset'));
    expect(firstPosition).toBe(1);
    list.scrollTop = 30_000;
    fireEvent.scroll(list);
    await waitFor(() => expect(Number(listRows()[0]!.getAttribute('aria-posinset'))).toBeGreaterThan(400));
    expect(listRows().length).toBeLessThan(40);
  });
});

describe('TimelinePage filters and search', () => {
  it('filters by site, type, dates and text in memory, reading the store once, and shows only matching rows', async () => {
    const source = new FakeTimelineSource({ articles: 300 });
    const getWholeTimeline = vi.spyOn(source, 'getWholeTimeline');
    renderPage(source);
    await screen.findByRole('list', { name: 'Events by date' });
    const siteSelect = screen.getByRole('combobox', { name: 'Site' });
    expect(within(siteSelect).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'any site',
      'alarabiya.net',
      'aljazeera.net',
      'bbc.com',
      'france24.com',
      'skynewsarabia.com',
    ]);
    const expectCount = async (filter: TimelineFilter) => {
      const expected = (await allEvents(source, filter)).length;
      expect(expected).toBeGreaterThan(0);
      expect(listedCount()).toContain(`${expected.toLocaleString('en')} events`);
    };
    fireEvent.change(siteSelect, { target: { value: 'bbc.com' } });
    await expectCount({ site: 'bbc.com' });
    const sites = listRows().flatMap((row) => (row.querySelector('button') ? [row.querySelector('bdi')!.textContent] : []));
    expect(sites.length).toBeGreaterThan(0);
    expect(new Set(sites)).toEqual(new Set(['bbc.com']));
    fireEvent.change(screen.getByRole('combobox', { name: 'Actor type' }), { target: { value: 'GROUP' } });
    await expectCount({ site: 'bbc.com', type: 'GROUP' });
    setDate('From', '2020-01-01');
    await expectCount({ site: 'bbc.com', type: 'GROUP', from: '2020-01-01' });
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search the events' }), { target: { value: 'الحوثي' } });
    await expectCount({ site: 'bbc.com', type: 'GROUP', from: '2020-01-01', text: 'الحوثي' });
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await expectCount({});
    expect((screen.getByRole('searchbox', { name: 'Search the events' }) as HTMLInputElement).value).toBe('');
    expect(getWholeTimeline).toHaveBeenCalledOnce();
  });

  it('finds an actor by another spelling, opens its view and filters the timeline by it', async () => {
    const source = new FakeTimelineSource({ articles: 200 });
    const searchActors = vi.spyOn(source, 'searchActors');
    renderPage(source);
    await screen.findByRole('list', { name: 'Events by date' });
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search a name (any spelling)' }), { target: { value: 'Biden' } });
    expect(searchActors.mock.lastCall?.[0]).toBe('Biden');
    const results = await screen.findByRole('list', { name: 'Actors' });
    fireEvent.click(within(results).getByRole('button', { name: /جو بايدن/ }));
    const actorHeading = await screen.findByRole('heading', { level: 2, name: /جو بايدن/ });
    const actorView = actorHeading.closest('section')!;
    expect(actorView.textContent).toContain('Joe Biden');
    expect(actorView.textContent).toContain('الرئيس الأمريكي');
    fireEvent.click(within(actorView).getByRole('button', { name: 'Show only this actor’s events' }));
    const expected = (await allEvents(source, { actorId: 'actor-1' })).length;
    await waitFor(() => expect(listedCount()).toContain(`${expected} events`));
    for (const row of listRows()) {
      const eventButton = row.querySelector('button');
      if (eventButton) expect(eventButton.textContent).toMatch(/جو بايدن/);
    }
  });

  it('says when no actor matches', async () => {
    renderPage(new FakeTimelineSource({ articles: 20 }));
    await screen.findByRole('list', { name: 'Events by date' });
    fireEvent.input(screen.getByRole('searchbox', { name: /Search a name/ }), { target: { value: 'Zyx' } });
    expect(await screen.findByText(/No actor matches/)).toBeTruthy();
  });

  it('zooms the chart from the keyboard', async () => {
    renderPage(new FakeTimelineSource({ articles: 30 }));
    const chart = await screen.findByRole('group', { name: 'Events on a time axis' });
    const span = () => Number(chart.getAttribute('data-window-end')) - Number(chart.getAttribute('data-window-start'));
    const full = span();
    fireEvent.keyDown(chart, { key: '+' });
    expect(span()).toBeLessThan(full * 0.7);
    fireEvent.keyDown(chart, { key: 'Home' });
    expect(span()).toBe(full);
    fireEvent.wheel(chart, { deltaY: -120 });
    expect(span()).toBeLessThan(full * 0.7);
    fireEvent.wheel(chart, { deltaY: 120 });
    expect(span()).toBeCloseTo(full, -3);
  });

  it('draws few events as individual markers', async () => {
    renderPage(new FakeTimelineSource({ articles: 4 }));
    await screen.findByRole('group', { name: 'Events on a time axis' });
    expect(screen.getByText('24 events')).toBeTruthy();
    expect(document.querySelectorAll('.anl-chart-marker')).toHaveLength(24);
    expect(document.querySelectorAll('.anl-chart-bar')).toHaveLength(0);
  });
});

describe('TimelinePage direction', () => {
  it('puts later events to the left in Arabic and to the right in English', async () => {
    const source = new FakeTimelineSource({ articles: 4 });
    const events = await allEvents(source);
    const earliest = events[0]!;
    const latest = events[events.length - 1]!;
    const markerX = (event: typeof earliest) => Number(document.querySelector(`.anl-chart-marker[data-event-id="${event.id}"]`)!.getAttribute('cx'));
    renderPage(source, 'ar');
    await screen.findByRole('group', { name: 'الأحداث على محور زمني' });
    expect(markerX(latest)).toBeLessThan(markerX(earliest));
    cleanup();
    renderPage(source, 'en');
    await screen.findByRole('group', { name: 'Events on a time axis' });
    expect(markerX(latest)).toBeGreaterThan(markerX(earliest));
  });
});

describe('TimelinePage data tools', () => {
  it('exports a CSV file through saveFile', async () => {
    const { saveFile } = renderPage(new FakeTimelineSource({ articles: 10 }));
    await screen.findByRole('list', { name: 'Events by date' });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledOnce());
    const file = saveFile.mock.calls[0]![0];
    expect(file.fileName).toBe('arabic-news-lens-timeline.csv');
    expect(file.mimeType).toMatch(/^text\/csv/);
    expect(file.content.split('\r\n')).toHaveLength(61);
    expect(screen.getByRole('status').textContent).toBe('Exported arabic-news-lens-timeline.csv.');
  });

  it('imports a backup, and shows the reason when a file is rejected', async () => {
    const source = new FakeTimelineSource({ articles: 5 });
    const backup = JSON.stringify(await new FakeTimelineSource({ articles: 3, seed: 99 }).exportJSON());
    renderPage(source);
    await screen.findByRole('list', { name: 'Events by date' });
    const input = screen.getByLabelText('Import a backup (JSON)') as HTMLInputElement;

    fireEvent.change(input, { target: { files: [new File(['{"hello":1}'], 'bad.json', { type: 'application/json' })] } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The file was not imported: The file is not an Arabic News Lens export.');

    fireEvent.change(input, { target: { files: [new File([backup], 'backup.json', { type: 'application/json' })] } });
    await waitFor(() => expect(screen.getByText('Imported 3 new and 0 updated articles.')).toBeTruthy());
    // Imported articles take part in the timeline at once.
    await waitFor(() => expect(screen.getByRole('heading', { name: /Events by date/ }).textContent).toContain('48 events'));
  });

  it('clears everything only after confirmation', async () => {
    const source = new FakeTimelineSource({ articles: 10 });
    const clearAll = vi.spyOn(source, 'clearAll');
    renderPage(source);
    await screen.findByRole('list', { name: 'Events by date' });
    fireEvent.click(screen.getByRole('button', { name: 'Clear all data' }));
    const dialog = screen.getByRole('alertdialog');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(clearAll).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Clear all data' }));
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Clear all data' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete everything' }));
    await waitFor(() => expect(clearAll).toHaveBeenCalledOnce());
    expect(await screen.findByText(/Nothing read yet/)).toBeTruthy();
  });

  it('deletes the article of a selected event', async () => {
    const source = new FakeTimelineSource({ articles: 10 });
    const deleteArticle = vi.spyOn(source, 'deleteArticle');
    renderPage(source);
    await screen.findByRole('list', { name: 'Events by date' });
    const firstEvent = listRows().map((row) => row.querySelector('button')).find((button) => button !== null)!;
    fireEvent.click(firstEvent);
    // Focus follows to the event's details.
    await waitFor(() => expect(document.activeElement?.id).toBe('anl-selected-event'));
    const deleteButton = screen.getByRole('button', { name: /^Delete the article/ });
    fireEvent.click(deleteButton);
    await waitFor(() => expect(deleteArticle).toHaveBeenCalledOnce());
    const articleId = deleteArticle.mock.calls[0]![0];
    await waitFor(() => expect(screen.getByRole('heading', { name: /Events by date/ }).textContent).toContain('54 events'));
    expect((await allEvents(source)).some((event) => event.article.id === articleId)).toBe(false);
  });

  it('shows a failed background with a retry', async () => {
    const source = new FakeTimelineSource({ articles: 10 });
    vi.spyOn(source, 'getWholeTimeline').mockRejectedValueOnce(new Error('worker restarting'));
    renderPage(source);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('worker restarting');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list', { name: 'Events by date' })).toBeTruthy();
  });
});

describe('TimelinePage with hostile data', () => {
  /** One article with a 2,000-character title whose one event names 200 actors, some with 300-character names. */
  async function hostileSource(): Promise<FakeTimelineSource> {
    const source = new FakeTimelineSource({ articles: 0 });
    const article = { id: 'long-1', title: 'عنوان طويل جدًا '.repeat(125), url: 'https://long.example/a', site: 'long.example', published: '2024-03-01', readAt: 1 };
    const actors = Array.from({ length: 200 }, (_, index) => ({
      id: `many-${index}`,
      name: index % 50 === 0 ? `اسم طويل ${index} `.repeat(30) : `فاعل ${index}`,
      type: 'PERSON' as const,
    }));
    const event = { id: 'long-1#0', date: '2024-03-01', grain: 'day' as const, startDate: '2024-03-01', endDate: '2024-03-01', text: 'حدث بنص طويل '.repeat(80), main: true, score: 1, actors, article };
    await source.importJSON(JSON.stringify({ format: FAKE_BACKUP_FORMAT, articles: [article], events: [event] }));
    return source;
  }

  it('keeps long titles, long names and 200 actors usable: clipped names, actors behind "show all", actions in reach', async () => {
    renderPage(await hostileSource());
    await waitFor(() => expect(listedCount()).toContain('1 event'));
    const marker = document.querySelector('.anl-chart-marker')!;
    // The marker's name is clipped for screen readers; the full text stays in the list and the details.
    expect(marker.getAttribute('aria-label')!.length).toBeLessThan(220);
    fireEvent.click(listRows().map((row) => row.querySelector('button')).find((button) => button !== null)!);
    const details = (await screen.findByRole('heading', { level: 2, name: /2024/ })).closest('section')!;
    const actorButtons = () => within(details).getAllByRole('button').filter((button) => button.textContent!.includes('فاعل') || button.textContent!.includes('اسم طويل'));
    expect(actorButtons()).toHaveLength(12);
    const deleteButton = within(details).getByRole('button', { name: /^Delete the article/ });
    expect(deleteButton.getAttribute('aria-label')!.length).toBeLessThan(160);
    fireEvent.click(within(details).getByRole('button', { name: 'Show all (200)' }));
    expect(actorButtons()).toHaveLength(200);
    fireEvent.click(within(details).getByRole('button', { name: 'Show fewer' }));
    expect(actorButtons()).toHaveLength(12);
  });

  it('says what is going on when the store cannot be read at all, and recovers on retry', async () => {
    const source = new FakeTimelineSource({ articles: 10 });
    vi.spyOn(source, 'getTimeline').mockRejectedValueOnce(new Error('worker restarting'));
    vi.spyOn(source, 'getWholeTimeline').mockRejectedValueOnce(new Error('worker restarting'));
    renderPage(source);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('worker restarting');
    expect(screen.queryByRole('list', { name: 'Events by date' })).toBeNull();
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(listedCount()).toContain('60 events'));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
