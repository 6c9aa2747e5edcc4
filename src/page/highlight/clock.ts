/** Timers and animation frames, injectable so tests drive time by hand instead of waiting. */
export interface Clock {
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
}

export function windowClock(win: Window): Clock {
  // Bound to the window: called unbound, some engines throw "Illegal invocation".
  const frame = typeof win.requestAnimationFrame === 'function';
  return {
    setTimeout: (callback, ms) => win.setTimeout(callback, ms),
    clearTimeout: (handle) => win.clearTimeout(handle),
    requestFrame: (callback) => (frame ? win.requestAnimationFrame(() => callback()) : win.setTimeout(callback, 16)),
    cancelFrame: (handle) => (frame ? win.cancelAnimationFrame(handle) : win.clearTimeout(handle)),
  };
}
