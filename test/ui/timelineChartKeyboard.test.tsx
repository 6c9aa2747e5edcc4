// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UiRoot } from '../../src/ui/components/UiRoot';
import type { TimelineEvent } from '../../src/ui/timeline/dataSource';
import { FakeTimelineSource } from '../../src/ui/timeline/fakeTimelineSource';
import { TimelineChart } from '../../src/ui/timeline/TimelineChart';
import { buildTimelineIndex, filterTimeline } from '../../src/ui/timeline/timelineIndex';

afterEach(cleanup);

async function renderChart(language: 'ar' | 'en') {
  const events = await new FakeTimelineSource({ articles: 3 }).getWholeTimeline();
  const { placed, domain } = filterTimeline(buildTimelineIndex(events), {});
  const onSelect = vi.fn<(event: TimelineEvent) => void>();
  render(
    <UiRoot language={language} theme="light">
      <TimelineChart placed={placed} domain={domain!} onSelect={onSelect} initialWidth={900} />
    </UiRoot>,
  );
  const chart = screen.getByRole('group', { name: language === 'ar' ? 'الأحداث على محور زمني' : 'Events on a time axis' });
  return { placed, onSelect, chart, markers: () => within(chart).getAllByRole('button') };
}

const tabbable = (markers: HTMLElement[]) => markers.filter((marker) => marker.getAttribute('tabindex') === '0');

describe('TimelineChart markers from the keyboard', () => {
  it('puts one marker in the tab order, named by its date and what happened', async () => {
    const { markers, placed } = await renderChart('en');
    expect(markers()).toHaveLength(placed.length);
    expect(tabbable(markers())).toHaveLength(1);
    // The earliest event is the one Tab reaches first.
    const first = placed[0]!.event;
    expect(tabbable(markers())[0]!.getAttribute('data-event-id')).toBe(first.id);
    const name = tabbable(markers())[0]!.getAttribute('aria-label')!;
    expect(name).toContain(first.text);
    expect(name).toMatch(/\d{4}/);
  });

  it('moves between events in time with the arrow keys, Home and End, shows a focus ring, and opens with Enter or Space', async () => {
    const { markers, placed, onSelect, chart } = await renderChart('en');
    const windowBefore = chart.getAttribute('data-window-start');
    const first = tabbable(markers())[0]!;
    first.focus();
    await waitFor(() => expect(document.querySelectorAll('.anl-chart-focus')).toHaveLength(1));
    expect(document.querySelector('.anl-chart-focus')!.getAttribute('cx')).toBe(first.getAttribute('cx'));
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    const second = document.activeElement as HTMLElement;
    expect(second.getAttribute('data-event-id')).toBe(placed[1]!.event.id);
    expect(tabbable(markers()).map((marker) => marker.getAttribute('data-event-id'))).toEqual([placed[1]!.event.id]);
    // The arrow moved focus, not the chart's window.
    expect(chart.getAttribute('data-window-start')).toBe(windowBefore);
    fireEvent.keyDown(second, { key: 'End' });
    expect((document.activeElement as HTMLElement).getAttribute('data-event-id')).toBe(placed[placed.length - 1]!.event.id);
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect((document.activeElement as HTMLElement).getAttribute('data-event-id')).toBe(placed[0]!.event.id);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect((document.activeElement as HTMLElement).getAttribute('data-event-id')).toBe(placed[0]!.event.id);
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(onSelect).toHaveBeenLastCalledWith(placed[0]!.event);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: ' ' });
    expect(onSelect).toHaveBeenLastCalledWith(placed[1]!.event);
    expect(onSelect).toHaveBeenCalledTimes(2);
  });

  it('follows the axis in Arabic: the left arrow goes to later events', async () => {
    const { markers, placed } = await renderChart('ar');
    const first = tabbable(markers())[0]!;
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowLeft' });
    expect((document.activeElement as HTMLElement).getAttribute('data-event-id')).toBe(placed[1]!.event.id);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect((document.activeElement as HTMLElement).getAttribute('data-event-id')).toBe(placed[0]!.event.id);
  });

  it('walks past the edge of a zoomed window: the window follows the focus to the next event', async () => {
    const { markers, placed, chart } = await renderChart('en');
    for (let zoom = 0; zoom < 8 && markers().length >= placed.length; zoom++) fireEvent.keyDown(chart, { key: '+' });
    expect(markers().length).toBeLessThan(placed.length);
    const start = tabbable(markers())[0]!;
    start.focus();
    fireEvent.keyDown(start, { key: 'End' });
    const lastShown = document.activeElement as HTMLElement;
    const index = placed.findIndex((item) => item.event.id === lastShown.getAttribute('data-event-id'));
    expect(index).toBeGreaterThanOrEqual(0);
    expect(index).toBeLessThan(placed.length - 1);
    const windowBefore = chart.getAttribute('data-window-start');
    fireEvent.keyDown(lastShown, { key: 'ArrowRight' });
    await waitFor(() => expect((document.activeElement as HTMLElement).getAttribute('data-event-id')).toBe(placed[index + 1]!.event.id));
    expect(chart.getAttribute('data-window-start')).not.toBe(windowBefore);
  });

  it('names the year on the first day tick (and wherever a new year starts), not on every tick', async () => {
    const { chart } = await renderChart('en');
    const span = () => Number(chart.getAttribute('data-window-end')) - Number(chart.getAttribute('data-window-start'));
    for (let zoom = 0; zoom < 30 && span() > 60 * 86_400_000; zoom++) fireEvent.keyDown(chart, { key: '+' });
    expect(span()).toBeLessThanOrEqual(60 * 86_400_000);
    const year = String(new Date(Number(chart.getAttribute('data-window-start'))).getUTCFullYear());
    const labels = [...chart.querySelectorAll('svg text')].map((text) => text.textContent ?? '').filter((label) => /\d/.test(label));
    expect(labels.length).toBeGreaterThan(1);
    expect(labels[0]).toContain(year);
    expect(labels.filter((label) => label.includes(year)).length).toBeLessThan(labels.length);
  });
});
