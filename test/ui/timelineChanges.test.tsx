// @vitest-environment happy-dom
/**
 * The timeline page hears writes made elsewhere (another TimelineStore on the same database, as the worker or
 * another tab would be): it shows a polite notice instead of swapping the timeline, reloads on "Show" keeping
 * filters, search and selection, gathers bursts into one notice, and does not report its own writes.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TimelineStore } from '../../src/background/store';
import { changeChannelName, type TimelineChange } from '../../src/background/store/changes';
import { TimelinePage } from '../../src/ui/timeline/TimelinePage';
import { createChangeBatcher } from '../../src/ui/timeline/useTimelineChanges';
import { freshStore, makeAnalysis, url } from '../store/helpers';

const opened: TimelineStore[] = [];
afterEach(() => {
  cleanup(); // unmounting closes the page's channel
  while (opened.length) opened.pop()!.close();
});

const biden = makeAnalysis({
  title: 'بايدن في كييف',
  site: 'news.example.com',
  actors: [{ name: 'جو بايدن', aliases: ['بايدن'] }],
  events: [{ date: '2024-01-01', text: 'زار بايدن كييف.', actors: ['جو بايدن'] }],
});
const muscat = (n: number) =>
  makeAnalysis({
    title: `قمة في مسقط ${n}`,
    site: 'other.example.org',
    actors: [{ name: 'بدر البوسعيدي' }],
    events: [{ date: `2024-02-1${n}`, text: `استضاف البوسعيدي الجولة ${n}.`, actors: ['بدر البوسعيدي'] }],
  });

/** The page's store (what main.tsx opens) and a second one on the same database: the worker, another tab. */
async function pageAndElsewhere() {
  const { store, factory, name } = await freshStore();
  await store.addArticle(biden, { url: url(1) });
  await store.addArticle(muscat(0), { url: url(10) });
  const elsewhere = await TimelineStore.open(factory, { name });
  opened.push(store, elsewhere);
  render(<TimelinePage source={store} language="en" theme="light" listHeight={400} chartWidth={800} />);
  await waitFor(() => expect(eventTexts()).toHaveLength(2));
  return { store, elsewhere, name };
}

const eventTexts = () =>
  within(screen.getByRole('list', { name: 'Events by date' }))
    .getAllByRole('button')
    .map((button) => button.querySelector('.anl-event-text')?.textContent);

const changeNotices = () => screen.queryAllByText(/^The timeline has changed/);

describe('TimelinePage hears changes made elsewhere', () => {
  it('shows a polite notice, keeps the timeline until "Show", then reloads keeping filters, search and selection', async () => {
    const { elsewhere } = await pageAndElsewhere();
    const site = screen.getByRole('combobox', { name: 'Site' });
    await waitFor(() => expect(within(site).getAllByRole('option')).toHaveLength(3));
    fireEvent.change(site, { target: { value: 'other.example.org' } });
    await waitFor(() => expect(eventTexts()).toEqual(['استضاف البوسعيدي الجولة 0.']));
    fireEvent.click(within(screen.getByRole('list', { name: 'Events by date' })).getByRole('button', { name: /استضاف البوسعيدي الجولة 0/ }));
    const selected = () => document.getElementById('anl-selected-event')?.closest('section')?.textContent ?? '';
    await waitFor(() => expect(selected()).toContain('استضاف البوسعيدي الجولة 0.'));
    fireEvent.input(screen.getByRole('searchbox', { name: /Search a name/ }), { target: { value: 'بايدن' } });
    await screen.findByRole('list', { name: 'Actors' });
    const focused = document.activeElement;

    await elsewhere.addArticle(muscat(1), { url: url(11) });
    await elsewhere.addArticle(biden, { url: url(1) }); // read again elsewhere: a change, but no new article

    const notice = await screen.findByText('The timeline has changed (1 new article).');
    const region = notice.closest('[aria-live]')!;
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(document.activeElement).toBe(focused); // the notice does not take focus
    expect(eventTexts()).toEqual(['استضاف البوسعيدي الجولة 0.']); // nothing swapped under the reader

    fireEvent.click(within(region as HTMLElement).getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(eventTexts()).toEqual(['استضاف البوسعيدي الجولة 0.', 'استضاف البوسعيدي الجولة 1.']));
    expect(changeNotices()).toHaveLength(0);
    expect((screen.getByRole('combobox', { name: 'Site' }) as HTMLSelectElement).value).toBe('other.example.org');
    expect((screen.getByRole('searchbox', { name: /Search a name/ }) as HTMLInputElement).value).toBe('بايدن');
    expect(selected()).toContain('استضاف البوسعيدي الجولة 0.');
    expect(within(screen.getByRole('list', { name: 'Actors' })).getByRole('button', { name: /جو بايدن/ })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
  });

  it('gathers a burst of writes into one notice and ignores junk on the channel', async () => {
    const { elsewhere, name } = await pageAndElsewhere();
    const raw = new BroadcastChannel(changeChannelName(name));
    raw.postMessage({ kind: 'timeline-changed', writeCount: 'many', newArticles: 99, origin: 'x' });
    raw.postMessage('timeline-changed');
    raw.close();
    for (const n of [1, 2, 3]) await elsewhere.addArticle(muscat(n), { url: url(10 + n) });
    expect(await screen.findByText('The timeline has changed (3 new articles).')).toBeTruthy();
    expect(changeNotices()).toHaveLength(1);
  });

  it('does not report this tab\'s own writes', async () => {
    const { store, elsewhere } = await pageAndElsewhere();
    await store.addArticle(muscat(1), { url: url(11) }); // as the page's own import would
    await elsewhere.addArticle(muscat(2), { url: url(12) });
    // Had the page's own write been reported, the two would be gathered as 2 new articles.
    expect(await screen.findByText('The timeline has changed (1 new article).')).toBeTruthy();
  });

  it('says it in Arabic too', async () => {
    const { store, factory, name } = await freshStore();
    const elsewhere = await TimelineStore.open(factory, { name });
    opened.push(store, elsewhere);
    render(<TimelinePage source={store} language="ar" theme="light" listHeight={400} chartWidth={800} />);
    await elsewhere.addArticle(biden, { url: url(1) });
    const notice = await screen.findByText(/^تغيّر الخط الزمني/);
    expect(notice.textContent).toBe(`تغيّر الخط الزمني (مقالات جديدة: ${new Intl.NumberFormat('ar').format(1)}).`);
    expect(screen.getByRole('button', { name: 'اعرض' })).toBeTruthy();
  });
});

describe('createChangeBatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const change = (newArticles: number): TimelineChange => ({ kind: 'timeline-changed', writeCount: 1, newArticles, origin: 'o' });

  it('reports a burst once, when the writes stop', () => {
    const report = vi.fn();
    const batcher = createChangeBatcher(report, 500, 3000);
    batcher.add(change(1));
    vi.advanceTimersByTime(200);
    batcher.add(change(1));
    vi.advanceTimersByTime(200);
    batcher.add(change(0));
    vi.advanceTimersByTime(499);
    expect(report).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(report).toHaveBeenCalledOnce();
    expect(report).toHaveBeenCalledWith({ writes: 3, newArticles: 2 });
  });

  it('does not hold a steady stream back longer than the maximum wait, and forgets on reset', () => {
    const report = vi.fn();
    const batcher = createChangeBatcher(report, 500, 3000);
    for (let i = 0; i < 10; i++) {
      batcher.add(change(1));
      vi.advanceTimersByTime(400);
    }
    expect(report).toHaveBeenCalledOnce();
    expect(report).toHaveBeenCalledWith({ writes: 8, newArticles: 8 });
    batcher.reset();
    vi.advanceTimersByTime(10_000);
    expect(report).toHaveBeenCalledOnce();
  });
});
