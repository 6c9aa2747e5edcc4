// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { locateThroughSegments } from '../../src/page/highlight/domMap';
import { buildMentionRange, comparableText, rangeIsEditable } from '../../src/page/highlight/ranges';
import { loadFixturePage, type FixtureReading } from '../fixtures/highlight/page';

describe('mention ranges from text offsets through the reader\'s segments', () => {
  let reading: FixtureReading;
  beforeEach(() => {
    reading = loadFixturePage();
  });

  const spanOf = (form: string, occurrence = 0) => {
    let at = -1;
    for (let i = 0; i <= occurrence; i++) at = reading.text.indexOf(form, at + 1);
    if (at < 0) throw new Error(`${form} not in fixture text`);
    return { start: at, end: at + form.length, text: form };
  };

  it('builds a live range over exactly the mention\'s words inside one text node', () => {
    const range = buildMentionRange(document, locateThroughSegments(reading.segments), spanOf('عباس عراقجي'));
    expect(range?.toString()).toBe('عباس عراقجي');
    expect(range?.startContainer.parentElement?.tagName).toBe('B');
  });

  it('builds a range across two elements when the name is split by a link', () => {
    const range = buildMentionRange(document, locateThroughSegments(reading.segments), spanOf('سلطنة عمان'));
    expect(range?.toString()).toBe('سلطنة عمان');
    expect(range?.startContainer).not.toBe(range?.endContainer);
  });

  it('refuses mentions in an editable area or a form field', () => {
    const locate = locateThroughSegments(reading.segments);
    const inEditable = spanOf('عراقجي', 2);
    const inTextarea = spanOf('عراقجي', 3);
    expect(document.getElementById('editable')?.textContent).toContain('عراقجي');
    expect(buildMentionRange(document, locate, inEditable)).toBeNull();
    expect(buildMentionRange(document, locate, inTextarea)).toBeNull();
    // The same code accepts the plain paragraph mention, so the refusal is about the place.
    expect(buildMentionRange(document, locate, spanOf('عراقجي', 1))?.toString()).toBe('عراقجي');
  });

  it('refuses a range whose page text no longer matches the mention', () => {
    const span = spanOf('مسقط');
    const title = document.getElementById('title')?.firstChild as Text;
    title.data = title.data.replace('مسقط', 'الدوحة');
    expect(buildMentionRange(document, locateThroughSegments(reading.segments), span)).toBeNull();
  });

  it('returns null for offsets outside the mapped text and for empty spans', () => {
    const locate = locateThroughSegments(reading.segments);
    expect(buildMentionRange(document, locate, { start: reading.text.length + 5, end: reading.text.length + 9, text: 'xxxx' })).toBeNull();
    expect(buildMentionRange(document, locate, { start: 3, end: 3, text: '' })).toBeNull();
  });

  it('compares text the way the extraction may differ from the page: marks, tatweel and spacing ignored', () => {
    expect(comparableText('عبّاس  عراقـجي\u200f')).toBe(comparableText('عباس عراقجي'));
    expect(comparableText('مسقط')).not.toBe(comparableText('الدوحة'));
  });

  it('sees an editable ancestor from either end of a range', () => {
    const editable = document.getElementById('editable')!;
    const range = document.createRange();
    range.selectNodeContents(editable);
    expect(rangeIsEditable(range)).toBe(true);
    range.selectNodeContents(document.getElementById('p1')!);
    expect(rangeIsEditable(range)).toBe(false);
  });
});
