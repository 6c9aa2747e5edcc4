// @vitest-environment happy-dom
/**
 * The timeline page over the real TimelineStore (on fake-indexeddb): the page and the store agree on the
 * interface, search finds other spellings, and export → clear → import restores the timeline.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExportedFile, TimelineDataSource } from '../../src/ui/timeline/dataSource';
import { TimelinePage } from '../../src/ui/timeline/TimelinePage';
import { freshStore, makeAnalysis, url } from '../store/helpers';

afterEach(cleanup);

async function storeWithArticles() {
  const { store } = await freshStore();
  await store.addArticle(
    makeAnalysis({
      title: 'بايدن في كييف',
      site: 'news.example.com',
      actors: [
        { name: 'جو بايدن', aliases: ['بايدن'], role: 'الرئيس الأمريكي' },
        { name: 'كييف', type: 'LOC' },
      ],
      events: [
        { date: '2024-01-01', text: 'زار بايدن كييف.', actors: ['جو بايدن', 'كييف'] },
        { date: '2023-06', grain: 'month', text: 'سبق أن وعد بايدن بالزيارة.', actors: ['جو بايدن'] },
      ],
    }),
    { url: url(1), readAt: 1_000 },
  );
  await store.addArticle(
    makeAnalysis({
      title: 'قمة في مسقط',
      site: 'other.example.org',
      actors: [{ name: 'بدر البوسعيدي', role: 'وزير الخارجية العماني' }],
      events: [{ date: '2024-02-10', text: 'استضاف البوسعيدي المحادثات.', actors: ['بدر البوسعيدي'] }],
    }),
    { url: url(2), readAt: 2_000 },
  );
  return store;
}

function renderWith(source: TimelineDataSource) {
  const saveFile = vi.fn<(file: ExportedFile) => void>();
  render(<TimelinePage source={source} language="en" theme="light" listHeight={400} chartWidth={800} saveFile={saveFile} />);
  return saveFile;
}

const eventTexts = () =>
  within(screen.getByRole('list', { name: 'Events by date' }))
    .getAllByRole('button')
    .map((button) => button.querySelector('.anl-event-text')?.textContent);

describe('TimelinePage over the real store', () => {
  it('lists the stored events in date order and finds an actor by another spelling', async () => {
    renderWith(await storeWithArticles());
    await waitFor(() => expect(eventTexts()).toEqual(['سبق أن وعد بايدن بالزيارة.', 'زار بايدن كييف.', 'استضاف البوسعيدي المحادثات.']));
    fireEvent.input(screen.getByRole('searchbox', { name: /Search a name/ }), { target: { value: 'بايدن' } });
    fireEvent.click(within(await screen.findByRole('list', { name: 'Actors' })).getByRole('button', { name: /جو بايدن/ }));
    const actorView = (await screen.findByRole('heading', { level: 2, name: /جو بايدن/ })).closest('section')!;
    expect(actorView.textContent).toContain('الرئيس الأمريكي');
    expect(within(actorView).getByRole('link', { name: 'بايدن في كييف' })).toBeTruthy();
  });

  it('opens on the actor named in ?actor= by another of its spellings, and says when there is none', async () => {
    const store = await storeWithArticles();
    render(<TimelinePage source={store} language="en" theme="light" listHeight={400} chartWidth={800} initialActor="بايدن" />);
    const actorView = (await screen.findByRole('heading', { level: 2, name: /جو بايدن/ })).closest('section')!;
    expect(actorView.textContent).toContain('الرئيس الأمريكي');
    cleanup();
    render(<TimelinePage source={store} language="en" theme="light" listHeight={400} chartWidth={800} initialActor="نتنياهو" />);
    expect((await screen.findByRole('alert')).textContent).toBe('No actor called “نتنياهو” in your timeline yet.');
  });

  it('round-trips: export the backup, clear everything, import it back', async () => {
    const store = await storeWithArticles();
    const saveFile = renderWith(store);
    await waitFor(() => expect(eventTexts()).toHaveLength(3));

    fireEvent.click(screen.getByRole('button', { name: 'Export backup (JSON)' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledOnce());
    const backup = saveFile.mock.calls[0]![0];

    fireEvent.click(screen.getByRole('button', { name: 'Clear all data' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete everything' }));
    expect(await screen.findByText(/Nothing read yet/)).toBeTruthy();
    expect((await store.stats()).articles).toBe(0);

    const input = screen.getByLabelText('Import a backup (JSON)');
    fireEvent.change(input, { target: { files: [new File(['{"format":"something else"}'], 'bad.json')] } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/^The file was not imported: The file is not an Arabic News Lens export/);

    fireEvent.change(input, { target: { files: [new File([backup.content], backup.fileName)] } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Imported 2 new and 0 updated articles.'));
    await waitFor(() => expect(eventTexts()).toHaveLength(3));
    expect((await store.stats()).articles).toBe(2);
  });

  it('exports TimelineJS and CSV of the filtered events', async () => {
    const saveFile = renderWith(await storeWithArticles());
    await waitFor(() => expect(eventTexts()).toHaveLength(3));
    const siteSelect = screen.getByRole('combobox', { name: 'Site' });
    await waitFor(() => expect(within(siteSelect).getAllByRole('option')).toHaveLength(3));
    fireEvent.change(siteSelect, { target: { value: 'other.example.org' } });
    await waitFor(() => expect(eventTexts()).toEqual(['استضاف البوسعيدي المحادثات.']));
    fireEvent.click(screen.getByRole('button', { name: 'Export TimelineJS (JSON)' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledOnce());
    const timelineJs = JSON.parse(saveFile.mock.calls[0]![0].content) as { events: Array<{ start_date: unknown }> };
    expect(timelineJs.events).toHaveLength(1);
    expect(timelineJs.events[0]!.start_date).toEqual({ year: 2024, month: 2, day: 10 });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(2));
    const csv = saveFile.mock.calls[1]![0].content;
    expect(csv).toContain('استضاف البوسعيدي المحادثات.');
    expect(csv).not.toContain('كييف');
  });
});
