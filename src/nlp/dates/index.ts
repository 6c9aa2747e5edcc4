/** Date recognition and resolution (issue 5). Placeholder signature until the recogniser lands. */
import type { DateMention } from '../types';

/** Every date expression in `text`, resolved against the publication date `ref` (YYYY-MM-DD). */
export function findDates(_text: string, _ref: string): DateMention[] {
  return [];
}
