// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Card, ConnectedCard, type CardActions } from '../../src/ui/card/Card';
import { createCardStrings } from '../../src/ui/card/strings';
import type { ActorTimeline, CardActor, TimelineState } from '../../src/ui/card/types';

afterEach(cleanup);

const minister: CardActor = {
  name: 'عباس عراقجي',
  type: 'PERSON',
  role: 'وزير الخارجية الإيراني',
  aliases: ['عراقجي', 'عباس عراقچی'],
  mentionCount: 3,
  mentionsOnPage: 3,
  mentionNumber: 2,
};

const timeline: ActorTimeline = {
  articles: [
    { url: 'https://news.example/a/1', title: 'عراقجي يصل إلى مسقط', site: 'news.example', published: '2026-11-02' },
    { url: 'javascript:alert(1)', title: 'رابط لا يُتبع', site: 'bad.example', published: '' },
  ],
  events: [{ date: '2026-11-02', text: 'وصول الوفد الإيراني إلى مسقط', articleTitle: 'عراقجي يصل إلى مسقط', articleUrl: 'https://news.example/a/1' }],
};

function actions(): CardActions & Record<keyof CardActions, ReturnType<typeof vi.fn>> {
  return { onClose: vi.fn(), onTogglePin: vi.fn(), onNextMention: vi.fn(), onPreviousMention: vi.fn(), onOpenTimeline: vi.fn() } as never;
}

function renderCard(state: TimelineState, actor: CardActor = minister, lang: 'ar' | 'en' = 'ar') {
  const handlers = actions();
  const onRetry = vi.fn();
  render(<Card actor={actor} strings={createCardStrings({ lang })} timeline={state} pinned={false} onRetryTimeline={onRetry} {...handlers} />);
  return { handlers, onRetry };
}

describe('the actor card', () => {
  it('shows who the actor is: name, type in words and symbol, role, other spellings, count in this article', () => {
    renderCard({ status: 'ready', timeline });
    const dialog = screen.getByRole('dialog');
    expect(dialog.getAttribute('aria-label')).toBe('بطاقة عباس عراقجي');
    expect(dialog.getAttribute('dir')).toBe('rtl');
    expect(screen.getByTestId('anl-card-name').textContent).toBe('عباس عراقجي');
    expect(screen.getByTestId('anl-card-type').textContent).toBe('●شخص');
    expect(screen.getByTestId('anl-card-role').textContent).toBe('الصفة: وزير الخارجية الإيراني');
    expect(screen.getByTestId('anl-card-aliases').textContent).toBe('يُكتب أيضًا: عراقجي، عباس عراقچی');
    expect(screen.getByTestId('anl-card-count').textContent).toBe('يرد في هذا المقال 3 مرات · الذكر 2 من 3');
  });

  it('steps to the next and previous mention, pins and closes through its buttons', () => {
    const { handlers } = renderCard({ status: 'ready', timeline });
    fireEvent.click(screen.getByText('الذكر التالي'));
    fireEvent.click(screen.getByText('الذكر السابق'));
    fireEvent.click(screen.getByRole('button', { name: 'تثبيت' }));
    fireEvent.click(screen.getByRole('button', { name: 'إغلاق' }));
    fireEvent.click(screen.getByText('الخط الزمني الكامل'));
    expect(handlers.onNextMention).toHaveBeenCalledTimes(1);
    expect(handlers.onPreviousMention).toHaveBeenCalledTimes(1);
    expect(handlers.onTogglePin).toHaveBeenCalledTimes(1);
    expect(handlers.onClose).toHaveBeenCalledTimes(1);
    expect(handlers.onOpenTimeline).toHaveBeenCalledTimes(1);
  });

  it('has no stepping buttons for an actor named once, and says "once"', () => {
    renderCard({ status: 'unavailable' }, { ...minister, mentionCount: 1, mentionsOnPage: 1, mentionNumber: 1, aliases: [], role: undefined });
    expect(screen.queryByText('الذكر التالي')).toBeNull();
    expect(screen.queryByTestId('anl-card-role')).toBeNull();
    expect(screen.queryByTestId('anl-card-aliases')).toBeNull();
    expect(screen.getByTestId('anl-card-count').textContent).toBe('يرد في هذا المقال مرة واحدة');
    // No background: no timeline part and no link to it.
    expect(screen.queryByTestId('anl-card-loading')).toBeNull();
    expect(screen.queryByText('الخط الزمني الكامل')).toBeNull();
  });

  it('lists other articles and latest events from the timeline, linking only to web pages', () => {
    renderCard({ status: 'ready', timeline });
    const articles = screen.getByTestId('anl-card-articles');
    const links = Array.from(articles.querySelectorAll('a'));
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://news.example/a/1']);
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(articles.textContent).toContain('رابط لا يُتبع');
    // The ISO value as a reader says it (kept in the title for the exact value).
    expect(screen.getByTestId('anl-card-events').textContent).toContain('2 نوفمبر 2026 وصول الوفد الإيراني إلى مسقط');
  });

  it('shows a date range (a vague "early January") as days, not as the raw ISO value', () => {
    const ranged: ActorTimeline = { articles: [], events: [{ date: '2027-01-01/2027-01-10', text: 'Works begin' }] };
    renderCard({ status: 'ready', timeline: ranged }, minister, 'en');
    const events = screen.getByTestId('anl-card-events').textContent ?? '';
    expect(events).toMatch(/January 1\s–\s10, 2027 Works begin/); // Intl puts thin spaces around the dash
    expect(events).not.toContain('2027-01-01/2027-01-10');
  });

  it('says so when the timeline has nothing yet', () => {
    renderCard({ status: 'ready', timeline: { articles: [], events: [] } });
    expect(screen.getByText('لا مقالات أخرى في سجلك بعد.')).toBeTruthy();
    expect(screen.getByText('لا أحداث مؤرخة بعد.')).toBeTruthy();
  });

  it('shows loading, then an error with a retry button', () => {
    renderCard({ status: 'loading' });
    expect(screen.getByTestId('anl-card-loading').textContent).toBe('جارٍ التحميل…');
    cleanup();
    const { onRetry } = renderCard({ status: 'error', message: 'worker gone' });
    expect(screen.getByRole('alert').textContent).toContain('تعذّر تحميل');
    fireEvent.click(screen.getByText('إعادة المحاولة'));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('speaks English when asked, left to right', () => {
    renderCard({ status: 'ready', timeline: { articles: [], events: [] } }, minister, 'en');
    expect(screen.getByRole('dialog').getAttribute('dir')).toBe('ltr');
    expect(screen.getByTestId('anl-card-type').textContent).toBe('●Person');
    expect(screen.getByTestId('anl-card-count').textContent).toBe('Appears in this article 3 times · Mention 2 of 3');
    expect(screen.getByText('Next mention')).toBeTruthy();
  });
});

describe('the card with its timeline loader', () => {
  const base = { actor: minister, strings: createCardStrings({ lang: 'ar' }), pinned: false, articleUrl: 'https://news.example/now', ...actions() };

  it('asks for the actor, shows loading, then the answer', async () => {
    let answer: (value: ActorTimeline) => void = () => undefined;
    const load = vi.fn(() => new Promise<ActorTimeline>((resolve) => (answer = resolve)));
    render(<ConnectedCard {...base} loadTimeline={load} />);
    expect(screen.getByTestId('anl-card-loading')).toBeTruthy();
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    expect(load).toHaveBeenCalledWith({ name: 'عباس عراقجي', type: 'PERSON', aliases: minister.aliases, articleUrl: 'https://news.example/now' });
    answer(timeline);
    await waitFor(() => expect(screen.getByTestId('anl-card-articles').textContent).toContain('عراقجي يصل إلى مسقط'));
  });

  it('shows the error state when the background fails, and asks again on retry', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('no worker')).mockResolvedValueOnce(timeline);
    render(<ConnectedCard {...base} loadTimeline={load} />);
    await waitFor(() => expect(screen.getByTestId('anl-card-error')).toBeTruthy());
    fireEvent.click(screen.getByText('إعادة المحاولة'));
    await waitFor(() => expect(screen.getByTestId('anl-card-events')).toBeTruthy());
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('card strings', () => {
  it('uses the browser\'s messages when it has them and the built-in table when it does not', () => {
    const getMessage = (name: string, subs?: string | string[]) =>
      name === '@@ui_locale' ? 'en_US' : name === 'card_close' ? 'Dismiss' : name === 'card_label' ? `About ${String(Array.isArray(subs) ? subs[0] : subs)}` : '';
    const strings = createCardStrings({ getMessage });
    expect(strings.lang).toBe('en');
    expect(strings.text('card_close')).toBe('Dismiss');
    expect(strings.text('card_label', 'X')).toBe('About X');
    expect(strings.text('card_retry')).toBe('Try again');
  });

  it('defaults to Arabic, and a reader\'s choice beats the browser\'s language', () => {
    expect(createCardStrings().lang).toBe('ar');
    const strings = createCardStrings({ lang: 'ar', getMessage: () => 'English text' });
    expect(strings.text('card_close')).toBe('إغلاق');
  });

  it('uses Arabic plural forms', () => {
    const strings = createCardStrings({ lang: 'ar' });
    expect([1, 2, 3, 10, 11, 100].map((n) => strings.times(n))).toEqual(['مرة واحدة', 'مرتين', '3 مرات', '10 مرات', '11 مرة', '100 مرة']);
  });
});
