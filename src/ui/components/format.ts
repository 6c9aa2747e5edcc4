/** Small display helpers shared by the views. */

/** Words per minute of an average adult reading Arabic news prose (silent reading is ~180–240 wpm). */
const WORDS_PER_MINUTE = 200;

/** Whole minutes to read `text`, at least 1 for any non-empty text. */
export function readingMinutes(text: string): number {
  const words = text.split(/\s+/u).filter((word) => word.length > 0).length;
  if (words === 0) return 0;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** A number of minutes in words, with the language's plural forms (Arabic has six; Intl knows them). */
export function formatMinutes(minutes: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes);
}

/** Bytes in a unit a reader understands, with the language's digits. */
export function formatBytes(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** The host name of a URL, or the input when it is not a URL (sites are stored as host names). */
export function hostOf(urlOrHost: string): string {
  try {
    return new URL(urlOrHost).hostname;
  } catch {
    return urlOrHost;
  }
}

/** Saves `content` as a file through a temporary object URL (no network: a Blob URL stays in the page). */
export function downloadBlob(content: string, fileName: string, mimeType: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `text` cut to at most `max` code units plus an ellipsis, never between the two halves of a surrogate pair. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}
