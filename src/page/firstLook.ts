/** The cheap every-page look (issue 3). Placeholder until the detector lands. */
export interface FirstLook {
  arabic: boolean;
  reason: string;
}

export function firstLook(doc: Document): FirstLook {
  const lang = doc.documentElement.lang.toLowerCase();
  return lang.startsWith('ar') ? { arabic: true, reason: 'lang=ar' } : { arabic: false, reason: 'placeholder: only lang=ar is recognised' };
}
