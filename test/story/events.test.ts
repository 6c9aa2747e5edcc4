import { describe, expect, it } from 'vitest';
import { clausesAround } from '../../src/nlp/story/clauses';
import { findEvents, rankEvents } from '../../src/nlp/story/events';
import { rankKeyActors } from '../../src/nlp/story/keyActors';
import { splitSentences } from '../../src/nlp/story/sentences';
import { actor, date } from './helpers';

describe('clausesAround', () => {
  it('gives each date its own clause when a sentence reports two dated events', () => {
    const text = 'التقى الوزير نظيره في 3 آذار، ثم وقّع الطرفان الاتفاق في 20 نيسان.';
    const anchors = [text.indexOf('3 آذار'), text.indexOf('20 نيسان')];
    const [a, b] = clausesAround(text, 0, text.length, anchors).map((c) => text.slice(c.start, c.end));
    expect(a).toBe('التقى الوزير نظيره في 3 آذار');
    expect(b).toBe('ثم وقّع الطرفان الاتفاق في 20 نيسان.');
  });

  it('keeps the whole sentence for a single date', () => {
    const text = 'التقى الوزير نظيره في 3 آذار، وبحثا التعاون.';
    expect(clausesAround(text, 0, text.length, [text.indexOf('3')])).toEqual([{ start: 0, end: text.length }]);
  });

  it('does not cut inside a quote', () => {
    const text = 'قال في 3 آذار «سنلتقي، ونتفق» ثم سافر في 5 آذار.';
    const clauses = clausesAround(text, 0, text.length, [text.indexOf('3 آذار'), text.indexOf('5 آذار')]);
    expect(text.slice(clauses[0]!.start, clauses[0]!.end)).toContain('«سنلتقي، ونتفق»');
  });
});

const ARTICLE =
  'أعلنت وزارة النقل اليوم خطة لتوسيع ميناء العقبة بالتعاون مع شركة الموانئ العربية.\n' +
  'وكانت شركة الموانئ العربية قدمت عرضها في 3 آذار، ثم عدلته وزارة النقل في 20 نيسان بعد مفاوضات طويلة.\n' +
  'وزار وفد من شركة الموانئ العربية ميناء العقبة في 3 آذار لمعاينة الأرصفة.\n' +
  'ووقّع الجانبان مذكرة تفاهم في 2023.';

function setup(text = ARTICLE, reference = '2024-05-02') {
  const ministry = actor(text, 'a1', 'وزارة النقل', 'ORG');
  const port = actor(text, 'a2', 'ميناء العقبة', 'LOC');
  const company = actor(text, 'a3', 'شركة الموانئ العربية', 'ORG');
  const actors = [ministry, port, company];
  const sentences = splitSentences(text);
  return { text, actors, sentences, reference };
}

describe('findEvents', () => {
  it('makes one event per dated clause, with the actors mentioned in it', () => {
    const { text, actors, sentences, reference } = setup();
    const dates = [date(text, 'اليوم', '2024-05-02'), date(text, '3 آذار', '2024-03-03'), date(text, '20 نيسان', '2024-04-20')];
    const events = findEvents({ text, sentences, dates: dates.slice(1), actors, reference });
    const april = events.find((e) => e.date === '2024-04-20')!;
    expect(april.text).toBe('ثم عدلته وزارة النقل في 20 نيسان بعد مفاوضات طويلة.');
    expect(april.actors).toEqual(['a1']);
    const march = events.find((e) => e.date === '2024-03-03')!;
    expect(march.text).toBe('وكانت شركة الموانئ العربية قدمت عرضها في 3 آذار');
    expect(march.actors).toEqual(['a3']);
    expect(text.slice(march.start, march.end)).toBe(march.text);
  });

  it('merges two mentions of the same event (same date, shared actors)', () => {
    const { text, actors, sentences, reference } = setup();
    const dates = [date(text, '3 آذار', '2024-03-03', 'day', 0), date(text, '3 آذار', '2024-03-03', 'day', 1)];
    const events = findEvents({ text, sentences, dates, actors, reference }).filter((e) => e.date === '2024-03-03');
    expect(events).toHaveLength(1);
    expect(events[0]!.mentions).toBe(2);
    // The first telling keeps its clause; the second brings its actors.
    expect(events[0]!.text.startsWith('وكانت شركة الموانئ العربية')).toBe(true);
    expect(events[0]!.actors).toEqual(expect.arrayContaining(['a3', 'a2']));
  });

  it('falls back to the sentence subject when the clause names nobody', () => {
    const { text, actors, sentences, reference } = setup();
    const dates = [date(text, '2023', '2023', 'year')];
    const [event] = findEvents({ text, sentences, dates, actors, reference }).filter((e) => e.date === '2023');
    // "ووقّع الجانبان …" names no actor, and the sentence before it is another paragraph: nobody.
    expect(event!.actors).toEqual([]);
    const withSubject = 'وقّعت وزارة النقل في عمّان مذكرة تفاهم مع الشركة، وذلك في 2023 بعد تأخير.';
    const s = setup(withSubject + '\n' + ARTICLE);
    const [own] = findEvents({ text: s.text, sentences: s.sentences, dates: [date(s.text, '2023', '2023', 'year')], actors: s.actors, reference }).filter((e) => e.date === '2023');
    expect(own!.actors).toEqual(['a1']);
  });

  it('dates the lead by the publication date as the main news when the lead has no date', () => {
    const text = 'أعلنت وزارة النقل خطة لتوسيع ميناء العقبة.\nوكانت الوزارة درست الخطة في 3 آذار.';
    const actors = [actor(text, 'a1', 'وزارة النقل', 'ORG'), actor(text, 'a2', 'ميناء العقبة', 'LOC')];
    const events = findEvents({ text, sentences: splitSentences(text), dates: [date(text, '3 آذار', '2024-03-03')], actors, reference: '2024-05-02' });
    const main = events.find((e) => e.main)!;
    expect(main.date).toBe('2024-05-02');
    expect(main.text).toBe('أعلنت وزارة النقل خطة لتوسيع ميناء العقبة.');
    expect(main.actors).toEqual(['a1', 'a2']);
  });

  it('takes a lead event dated today or yesterday as the main news instead of adding one', () => {
    const { text, actors, sentences, reference } = setup();
    const dates = [date(text, 'اليوم', '2024-05-02'), date(text, '20 نيسان', '2024-04-20')];
    const events = findEvents({ text, sentences, dates, actors, reference });
    expect(events.filter((e) => e.main)).toHaveLength(1);
    expect(events.find((e) => e.main)!.text.startsWith('أعلنت وزارة النقل اليوم')).toBe(true);
    expect(events).toHaveLength(2);
  });

  it('does not invent a main event when the lead carries an older date', () => {
    const text = 'في 3 آذار أعلنت وزارة النقل خطتها.\nوهي خطة طموحة جداً.';
    const events = findEvents({ text, sentences: splitSentences(text), dates: [date(text, '3 آذار', '2024-03-03')], actors: [], reference: '2024-05-02' });
    expect(events.some((e) => e.main)).toBe(false);
    expect(events).toHaveLength(1);
  });

  it('ignores dates in page furniture', () => {
    const text = 'أعلنت وزارة النقل اليوم خطة جديدة.\nاقرأ أيضاً: ماذا حدث في 3 آذار؟';
    const events = findEvents({ text, sentences: splitSentences(text), dates: [date(text, '3 آذار', '2024-03-03')], actors: [], reference: '2024-05-02' });
    expect(events.map((e) => e.date)).toEqual(['2024-05-02']);
  });

  it('handles a hundred dates without trouble and no dates at all', () => {
    const line = 'اجتمع المجلس في يوم محدد لبحث الميزانية.';
    const text = Array.from({ length: 100 }, () => line).join('\n');
    const dates = Array.from({ length: 100 }, (_, i) => ({
      text: 'يوم محدد',
      start: i * (line.length + 1) + line.indexOf('يوم محدد'),
      end: i * (line.length + 1) + line.indexOf('يوم محدد') + 8,
      value: `2020-01-${String((i % 28) + 1).padStart(2, '0')}`,
      grain: 'day' as const,
    }));
    const events = findEvents({ text, sentences: splitSentences(text), dates, actors: [], reference: '2024-05-02' });
    // Equal wording merges events of the same day; 28 distinct days remain.
    expect(new Set(events.map((e) => e.date)).size).toBe(28);
    expect(findEvents({ text, sentences: splitSentences(text), dates: [], actors: [], reference: '2024-05-02' }).every((e) => e.main)).toBe(true);
  });
});

describe('rankEvents and rankKeyActors', () => {
  it('puts the main news first, then events of central actors', () => {
    const { text, actors, sentences, reference } = setup();
    const dates = [date(text, '3 آذار', '2024-03-03'), date(text, '20 نيسان', '2024-04-20'), date(text, '2023', '2023', 'year')];
    const drafts = findEvents({ text, sentences, dates, actors, reference });
    const keyActors = rankKeyActors({ text, sentences, actors, events: drafts, title: 'توسيع ميناء العقبة' });
    const ranked = rankEvents(drafts, keyActors, sentences.length);
    expect(ranked[0]!.main).toBe(true);
    expect(ranked.map((e) => e.score)).toEqual([...ranked.map((e) => e.score!)].sort((a, b) => b - a));
    // The vague year with no actor comes last.
    expect(ranked[ranked.length - 1]!.date).toBe('2023');
  });

  it('ranks the actor of the title and lead, mentioned most, first', () => {
    const { text, actors, sentences } = setup();
    const keyActors = rankKeyActors({ text, sentences, actors, events: [], title: 'وزارة النقل تعلن خطة' });
    expect(keyActors[0]!.id).toBe('a1');
    expect(keyActors).toHaveLength(3);
    expect(keyActors.every((k) => k.score > 0 && k.score <= 1)).toBe(true);
  });

  it('leaves out actors mentioned only in page furniture', () => {
    const text = 'أعلنت وزارة النقل خطة جديدة للطرق.\nتابعونا على فيسبوك';
    const sentences = splitSentences(text);
    const actors = [actor(text, 'a1', 'وزارة النقل', 'ORG'), actor(text, 'a2', 'فيسبوك', 'ORG')];
    expect(rankKeyActors({ text, sentences, actors, events: [] }).map((k) => k.id)).toEqual(['a1']);
  });
});

describe('fallback to the previous sentence', () => {
  it('gives a subjectless sentence the subject of the sentence before it in the paragraph', () => {
    const text = 'أعلنت وزارة النقل خطة جديدة. وبدأت التنفيذ في 3 آذار.';
    const actors = [actor(text, 'a1', 'وزارة النقل', 'ORG')];
    const events = findEvents({ text, sentences: splitSentences(text), dates: [date(text, '3 آذار', '2024-03-03')], actors, reference: '2024-05-02' });
    expect(events.find((e) => e.date === '2024-03-03')!.actors).toEqual(['a1']);
  });
});

describe('people who take part, named in the sentences that detail an event', () => {
  const text =
    'عقد الوفدان الإيراني والأمريكي محادثات غير مباشرة في مسقط يوم 10 كانون الثاني.\n' +
    'وترأس الوفد الإيراني علي كاظمي، بينما ترأس الوفد الأمريكي جون ميلر.\n' +
    'وفي شأن آخر، قال المحلل سمير داود إن أسعار النفط ارتفعت.';
  const actors = [
    actor(text, 'a1', 'مسقط', 'LOC'),
    actor(text, 'a2', 'علي كاظمي', 'PERSON'),
    actor(text, 'a3', 'جون ميلر', 'PERSON'),
    actor(text, 'a4', 'سمير داود', 'PERSON'),
  ];
  it('adds the delegation heads of the next sentence, but not a person from an unrelated one', () => {
    const events = findEvents({ text, sentences: splitSentences(text), dates: [date(text, '10 كانون الثاني', '2024-01-10')], actors, reference: '2024-03-14' });
    const talks = events.find((e) => e.date === '2024-01-10')!;
    expect(talks.actors).toEqual(['a1', 'a2', 'a3']);
  });
});
