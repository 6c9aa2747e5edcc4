// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/nlp/types';
import { entriesAtPoint, hitTest, sortByDocumentOrder, type MentionEntry } from '../../src/page/highlight/mentionIndex';

const person: Actor = { id: 'a1', name: 'س', type: 'PERSON', aliases: [], mentions: [] };

/** A paragraph of `count` words "كلمة0 كلمة1 …", each word its own mention, in one text node. */
function wordsPage(count: number): { text: Text; entries: MentionEntry[] } {
  document.body.innerHTML = '<p id="p"></p>';
  const words = Array.from({ length: count }, (_, i) => `كلمة${i}`);
  const text = document.createTextNode(words.join(' '));
  document.getElementById('p')!.append(text);
  const entries: MentionEntry[] = [];
  let at = 0;
  words.forEach((word, i) => {
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + word.length);
    entries.push({ actor: person, mentionOfActor: i, span: { start: at, end: at + word.length, text: word }, range });
    at += word.length + 1;
  });
  return { text, entries };
}

function box(left: number, top: number, width = 50, height = 20): DOMRectList {
  const rect = { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) };
  return Object.assign([rect], { item: () => rect }) as unknown as DOMRectList;
}

describe('mention index', () => {
  it('sorts entries by document order whatever order the actors listed them in', () => {
    const { entries } = wordsPage(6);
    const shuffled = [entries[4]!, entries[0]!, entries[5]!, entries[2]!, entries[1]!, entries[3]!];
    expect(sortByDocumentOrder(shuffled).map((entry) => entry.span.text)).toEqual(entries.map((entry) => entry.span.text));
  });

  it('finds the mention holding a DOM point by binary search, agreeing with a linear scan on a long article', () => {
    const { text, entries } = wordsPage(700);
    for (let offset = 0; offset <= text.data.length; offset += 7) {
      const linear = entries.flatMap((entry, index) => (entry.span.start <= offset && offset <= entry.span.end ? [index] : []));
      expect(entriesAtPoint(entries, text, offset)).toEqual(linear);
    }
  });

  it('finds nothing for a point in another paragraph or before the first mention', () => {
    const { entries } = wordsPage(5);
    const other = document.createElement('p');
    other.textContent = 'نص آخر';
    document.body.prepend(other);
    expect(entriesAtPoint(entries, other.firstChild!, 2)).toEqual([]);
    expect(entriesAtPoint([], other.firstChild!, 2)).toEqual([]);
  });

  it('reports a hit only where the pointer is over the mention\'s boxes, not where the caret merely snapped', () => {
    const { text, entries } = wordsPage(3);
    entries[1]!.range.getClientRects = () => box(100, 40);
    const inside = entries[1]!.span.start + 2;
    expect(hitTest(entries, { node: text, offset: inside }, 120, 50)).toBe(1);
    expect(hitTest(entries, { node: text, offset: inside }, 400, 50)).toBeNull(); // far right of the text: caret snapped
  });

  it('prefers the shorter of two nested mentions', () => {
    const { text, entries } = wordsPage(3);
    const outer = document.createRange();
    outer.setStart(text, entries[0]!.span.start);
    outer.setEnd(text, entries[1]!.span.end);
    const nested: MentionEntry = { actor: { ...person, id: 'a2', type: 'ORG' }, mentionOfActor: 0, span: { start: entries[0]!.span.start, end: entries[1]!.span.end, text: '' }, range: outer };
    outer.getClientRects = () => box(0, 0, 200);
    entries[1]!.range.getClientRects = () => box(100, 0, 100);
    const index = sortByDocumentOrder([nested, ...entries]);
    const hit = hitTest(index, { node: text, offset: entries[1]!.span.start + 1 }, 150, 10);
    expect(index[hit!]).toBe(entries[1]);
    const outerOnly = hitTest(index, { node: text, offset: entries[0]!.span.start + 1 }, 20, 10);
    expect(index[outerOnly!]).toBe(nested);
  });
});
