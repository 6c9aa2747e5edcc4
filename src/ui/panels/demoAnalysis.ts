/**
 * Invented sample data for the popup's demo page and tests (text written for this project, not from a publisher).
 * `manyActors` builds the "200 actors" case.
 */
import type { Actor, Analysis, Span } from '../../nlp/types';

const TEXT =
  'أعلن وزير الخارجية العُماني بدر البوسعيدي يوم الأحد أن جولة جديدة من المحادثات بين إيران والولايات المتحدة ستُعقد في مسقط. ' +
  'وقال المتحدث باسم الخارجية الإيرانية إن الوفد سيصل يوم السبت المقبل. ' +
  'وكانت الجولة الأولى قد عُقدت في أوائل شباط الماضي بحضور ممثلين عن الاتحاد الأوروبي. '.repeat(12);

function span(text: string, from = 0): Span {
  const start = TEXT.indexOf(text, from);
  return { start, end: start + text.length, text };
}

function mentionsOf(text: string, count: number): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (let index = 0; index < count; index += 1) {
    const found = span(text, from);
    if (found.start < 0) break;
    spans.push(found);
    from = found.end;
  }
  return spans;
}

const ACTORS: Actor[] = [
  { id: 'a1', name: 'بدر البوسعيدي', type: 'PERSON', aliases: ['البوسعيدي'], role: 'وزير الخارجية العُماني', mentions: mentionsOf('بدر البوسعيدي', 1) },
  { id: 'a2', name: 'إيران', type: 'LOC', aliases: [], mentions: mentionsOf('إيران', 6) },
  { id: 'a3', name: 'الولايات المتحدة', type: 'LOC', aliases: [], mentions: mentionsOf('الولايات المتحدة', 5) },
  { id: 'a4', name: 'مسقط', type: 'LOC', aliases: [], mentions: mentionsOf('مسقط', 3) },
  { id: 'a5', name: 'الاتحاد الأوروبي', type: 'ORG', aliases: ['EU'], mentions: mentionsOf('الاتحاد الأوروبي', 4) },
];

export const DEMO_ANALYSIS: Analysis = {
  isArticle: true,
  lang: 'ar',
  title: 'جولة جديدة من المحادثات الإيرانية الأمريكية في مسقط الأسبوع المقبل',
  published: '2026-11-22',
  site: 'news.example',
  url: 'https://news.example/world/muscat-talks',
  text: TEXT,
  actors: ACTORS,
  dates: [],
  events: [
    { ...span('أعلن وزير الخارجية العُماني'), date: '2026-11-22', grain: 'day', actors: ['a1'], main: true, score: 3 },
    { ...span('الوفد سيصل يوم السبت المقبل'), date: '2026-11-28', grain: 'day', actors: ['a2'], score: 2 },
    { ...span('الجولة الأولى قد عُقدت في أوائل شباط'), date: '2026-02-01/2026-02-10', grain: 'part-of-month', actors: ['a2', 'a3', 'a5'], score: 1 },
  ],
  summary: [span('أعلن وزير الخارجية العُماني بدر البوسعيدي يوم الأحد أن جولة جديدة من المحادثات بين إيران والولايات المتحدة ستُعقد في مسقط.')],
  keyActors: [
    { id: 'a1', score: 0.9 },
    { id: 'a2', score: 0.8 },
    { id: 'a3', score: 0.7 },
  ],
};

const TYPES = ['PERSON', 'ORG', 'LOC', 'GROUP'] as const;

/** The demo analysis with `count` actors, some with very long names, for the crowded case. */
export function manyActors(count: number): Analysis {
  const actors: Actor[] = Array.from({ length: count }, (_, index) => ({
    id: `a${index + 1}`,
    name: index % 50 === 7 ? `الفاعل ذو الاسم الطويل جدًا رقم ${index + 1} ${'ابن فلان '.repeat(12)}` : `فاعل رقم ${index + 1}`,
    type: TYPES[index % TYPES.length] ?? 'PERSON',
    aliases: [],
    mentions: Array.from({ length: (count - index) % 17 + 1 }, () => ({ start: 0, end: 1, text: 'ف' })),
  }));
  return { ...DEMO_ANALYSIS, actors, keyActors: [] };
}
