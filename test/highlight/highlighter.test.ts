// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { locateThroughSegments, segmentsContainer } from '../../src/page/highlight/domMap';
import { createHighlighter, type Highlighter } from '../../src/page/highlight/highlighter';
import { HIGHLIGHT_NAMES, highlightCss, resolveColours, DEFAULT_COLOURS } from '../../src/page/highlight/palette';
import { nativeHighlightSink } from '../../src/page/highlight/registry';
import { FakeHighlightRegistry, ManualClock } from '../fixtures/highlight/fakes';
import { EXPECTED_DOCUMENT_ORDER, loadFixturePage, type FixtureReading } from '../fixtures/highlight/page';

/** MutationObserver callbacks run as microtasks. */
const mutationsDelivered = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('highlighter', () => {
  let reading: FixtureReading;
  let registry: FakeHighlightRegistry;
  let clock: ManualClock;
  let highlighter: Highlighter | null = null;

  beforeEach(() => {
    document.adoptedStyleSheets = [];
    reading = loadFixturePage();
    registry = new FakeHighlightRegistry();
    clock = new ManualClock();
  });
  afterEach(() => highlighter?.destroy());

  const start = () => {
    highlighter = createHighlighter({
      doc: document,
      actors: reading.actors,
      locate: locateThroughSegments(reading.segments),
      sink: registry,
      clock,
      container: segmentsContainer(document, reading.segments),
    });
    return highlighter;
  };

  it('registers one highlight per actor type with the ranges of that type', () => {
    start();
    expect(registry.texts(HIGHLIGHT_NAMES.PERSON)).toEqual(['عباس عراقجي', 'عراقجي']);
    expect(registry.texts(HIGHLIGHT_NAMES.LOC)).toEqual(['مسقط', 'الولايات المتحدة', 'مسقط', 'سلطنة عمان']);
    expect(registry.texts(HIGHLIGHT_NAMES.ORG)).toEqual(['الأمم المتحدة', 'الأمم المتحدة']);
    expect(registry.texts(HIGHLIGHT_NAMES.GROUP)).toEqual(['حماس']);
    expect([...registry.highlights.keys()].sort()).toEqual(['anl-group', 'anl-loc', 'anl-org', 'anl-person']);
  });

  it('indexes the mentions in document order, leaving out editable areas', () => {
    const { entries } = start();
    expect(entries.map((entry) => entry.range.toString())).toEqual(EXPECTED_DOCUMENT_ORDER);
  });

  it('adds its ::highlight rules as an adopted stylesheet and takes only that one away', () => {
    const pageSheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [pageSheet];
    const h = start();
    expect(document.adoptedStyleSheets).toHaveLength(2);
    expect(document.adoptedStyleSheets[0]).toBe(pageSheet);
    expect(h.painted).toBe(true);
    h.destroy();
    expect(document.adoptedStyleSheets).toEqual([pageSheet]);
    expect(registry.highlights.size).toBe(0);
  });

  it('switches off and on again', () => {
    const h = start();
    h.setEnabled(false);
    expect(registry.highlights.size).toBe(0);
    expect(h.painted).toBe(false);
    h.setEnabled(true);
    expect(registry.texts(HIGHLIGHT_NAMES.GROUP)).toEqual(['حماس']);
  });

  it('keeps mentions indexed but paints nothing where the engine has no highlight API', () => {
    highlighter = createHighlighter({ doc: document, actors: reading.actors, locate: locateThroughSegments(reading.segments), sink: null, clock });
    expect(highlighter.entries).toHaveLength(EXPECTED_DOCUMENT_ORDER.length);
    expect(highlighter.painted).toBe(false);
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });

  it('drops a mention whose text the page changed, after the quiet period', async () => {
    const h = start();
    const title = document.getElementById('title')!.firstChild as Text;
    title.data = 'جولة محادثات جديدة في الدوحة';
    await mutationsDelivered();
    expect(h.entries).toHaveLength(EXPECTED_DOCUMENT_ORDER.length); // not yet: debounced
    clock.advance(300);
    expect(h.entries.map((entry) => entry.range.toString())).toEqual(EXPECTED_DOCUMENT_ORDER.slice(1));
    expect(registry.texts(HIGHLIGHT_NAMES.LOC)).toEqual(['الولايات المتحدة', 'مسقط', 'سلطنة عمان']);
  });

  it('keeps mentions whose text survives a change next to them', async () => {
    const h = start();
    const p3 = document.getElementById('p3')!;
    p3.insertBefore(document.createTextNode('عاجل: '), p3.firstChild);
    await mutationsDelivered();
    clock.advance(300);
    expect(h.entries.map((entry) => entry.range.toString())).toEqual(EXPECTED_DOCUMENT_ORDER);
  });

  it('drops a mention once its paragraph becomes editable', async () => {
    const h = start();
    document.getElementById('p3')!.setAttribute('contenteditable', 'true');
    await mutationsDelivered();
    clock.advance(300);
    expect(h.entries.map((entry) => entry.range.toString())).not.toContain('حماس');
  });
});

describe('palette and registry', () => {
  it('writes one ::highlight rule per type, with underline style differing by type', () => {
    const css = highlightCss(DEFAULT_COLOURS);
    for (const name of Object.values(HIGHLIGHT_NAMES)) expect(css).toContain(`::highlight(${name})`);
    expect(css).toContain('underline solid');
    expect(css).toContain('underline wavy');
  });

  it('ships a static stylesheet with exactly the default rules, for the manifest to inject', () => {
    const file = readFileSync(join(import.meta.dirname, '../../src/page/highlight/highlights.css'), 'utf8');
    expect(file.replace(/\/\*[\s\S]*?\*\//g, '').trim()).toBe(highlightCss(DEFAULT_COLOURS));
  });

  it('takes valid colours from settings and ignores anything that could inject CSS', () => {
    const colours = resolveColours({ PERSON: '#123456', ORG: 'red; } body { display: none', LOC: 42 });
    expect(colours.PERSON).toBe('#123456');
    expect(colours.ORG).toBe(DEFAULT_COLOURS.ORG);
    expect(colours.LOC).toBe(DEFAULT_COLOURS.LOC);
  });

  it('uses the window\'s real CSS.highlights and Highlight when they exist, and nothing otherwise', () => {
    const registered = new Map<string, unknown>();
    class FakeHighlight {
      readonly ranges: Range[];
      constructor(...ranges: Range[]) {
        this.ranges = ranges;
      }
    }
    const win = { CSS: { highlights: registered }, Highlight: FakeHighlight } as unknown as Window & typeof globalThis;
    const sink = nativeHighlightSink(win);
    const range = document.createRange();
    sink?.set('anl-org', [range]);
    expect(registered.get('anl-org')).toBeInstanceOf(FakeHighlight);
    expect((registered.get('anl-org') as FakeHighlight).ranges).toEqual([range]);
    sink?.delete('anl-org');
    expect(registered.size).toBe(0);
    expect(nativeHighlightSink({ CSS: {} } as unknown as Window & typeof globalThis)).toBeNull();
    expect(nativeHighlightSink(null)).toBeNull();
  });
});
