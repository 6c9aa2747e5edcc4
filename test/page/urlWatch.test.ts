// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchUrl, type UrlWatch } from '../../src/page/urlWatch';

describe('watchUrl (pages the first look turned down: URL changes only)', () => {
  let watch: UrlWatch | undefined;
  beforeEach(() => {
    vi.useFakeTimers();
    history.replaceState({}, '', '/start');
  });
  afterEach(() => {
    watch?.stop();
    vi.useRealTimers();
  });

  it('reports a pushState navigation once, found by the poll where there is no Navigation API', () => {
    const seen: string[] = [];
    watch = watchUrl(window, (url) => seen.push(new URL(url).pathname));
    history.pushState({}, '', '/story/1');
    expect(seen).toEqual([]); // pushState fires no event
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual(['/story/1']);
    vi.advanceTimersByTime(5000);
    expect(seen).toEqual(['/story/1']); // same URL: not again
  });

  it('reports popstate at once, and nothing after stop()', () => {
    const seen: string[] = [];
    watch = watchUrl(window, (url) => seen.push(new URL(url).pathname));
    history.replaceState({}, '', '/story/2');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(seen).toEqual(['/story/2']);
    watch.stop();
    history.pushState({}, '', '/story/3');
    vi.advanceTimersByTime(3000);
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(seen).toEqual(['/story/2']);
  });

  it('uses the Navigation API where the window has one, without polling', () => {
    const listeners = new Map<string, () => void>();
    const navigation = { addEventListener: (type: string, l: () => void) => listeners.set(type, l), removeEventListener: (type: string) => listeners.delete(type) };
    const fake = { location: { href: 'http://x.test/a' }, navigation, addEventListener: () => undefined, removeEventListener: () => undefined } as unknown as Window;
    const seen: string[] = [];
    watch = watchUrl(fake, (url) => seen.push(url));
    expect(vi.getTimerCount()).toBe(0);
    (fake.location as { href: string }).href = 'http://x.test/b';
    listeners.get('currententrychange')?.();
    expect(seen).toEqual(['http://x.test/b']);
    watch.stop();
    expect(listeners.size).toBe(0);
  });
});
