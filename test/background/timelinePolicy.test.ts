import { describe, expect, it } from 'vitest';
import { whyNotKept } from '../../src/background/timelinePolicy';

describe('what the timeline keeps', () => {
  it('keeps Arabic text read in a normal window', () => {
    expect(whyNotKept({ textLang: 'ar', privateWindow: false })).toBeUndefined();
  });
  it('keeps nothing read in a private window, whatever the language', () => {
    expect(whyNotKept({ textLang: 'ar', privateWindow: true })).toBe('read in a private window');
  });
  it('keeps no text the core does not read as Arabic, whatever the page claims', () => {
    expect(whyNotKept({ textLang: 'fa', privateWindow: false })).toBe('the text is not Arabic (fa)');
    expect(whyNotKept({ textLang: 'und', privateWindow: false })).toMatch(/not Arabic/);
  });
  it('keeps nothing analysed only because the reader asked, on a page detection turned down', () => {
    expect(whyNotKept({ textLang: 'ar', privateWindow: false, detectedAsArticle: false })).toMatch(/analysed on request only/);
    expect(whyNotKept({ textLang: 'ar', privateWindow: false, detectedAsArticle: true })).toBeUndefined();
  });
});
