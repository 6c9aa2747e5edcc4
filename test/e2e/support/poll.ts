export interface WaitOptions {
  timeoutMs?: number;
  /** On timeout, adds what the extension says about the situation (e.g. the content script's page status). */
  explain?: () => Promise<string>;
}

/** Polls `probe` until it returns a value other than undefined/false, or fails with `what` after the timeout. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  { timeoutMs = 20_000, explain }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (let delay = 50; ; delay = Math.min(delay * 2, 500)) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      const context = explain ? `; ${await explain().catch((error: unknown) => `no explanation: ${String(error)}`)}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}${context}`);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
