/**
 * Single-page navigation without reading the page: a URL change is all that is watched for. This runs on every page
 * the first look turned down, so it must not observe mutations or read text. The Navigation API reports same-document
 * navigations (pushState included) where the browser has it; elsewhere a slow poll of `location.href` (a string
 * compare) catches pushState, which fires no event. popstate and hashchange cover the rest.
 */

/** How often to compare the URL where the Navigation API is missing. */
const POLL_MS = 1000;

interface NavigationLike {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

export interface UrlWatch {
  stop(): void;
}

/** Calls `onChange(url)` once per new URL of this document. Never throws. */
export function watchUrl(win: Window, onChange: (url: string) => void): UrlWatch {
  let lastUrl = win.location.href;
  let pollTimer: ReturnType<typeof setInterval> | undefined;
  const check = (): void => {
    try {
      const url = win.location.href;
      if (url === lastUrl) return;
      lastUrl = url;
      onChange(url);
    } catch (error) {
      console.warn('[arabic-news-lens] URL watch failed', error);
    }
  };
  const navigation = (win as Window & { navigation?: NavigationLike }).navigation;
  try {
    if (navigation && typeof navigation.addEventListener === 'function') navigation.addEventListener('currententrychange', check);
    else pollTimer = setInterval(check, POLL_MS);
    win.addEventListener('popstate', check);
    win.addEventListener('hashchange', check);
  } catch {
    pollTimer ??= setInterval(check, POLL_MS);
  }
  return {
    stop() {
      clearInterval(pollTimer);
      try {
        navigation?.removeEventListener('currententrychange', check);
        win.removeEventListener('popstate', check);
        win.removeEventListener('hashchange', check);
      } catch {
        // nothing left to undo
      }
    },
  };
}
