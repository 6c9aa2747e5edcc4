import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadNerModelFromDisk, NER_MODEL_PATH } from '../../src/cli/loadModel';
import { recogniseActors } from '../../src/nlp/entities/index';
import type { Actor } from '../../src/nlp/types';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'entities');
if (!existsSync(NER_MODEL_PATH)) console.warn(`actor tests skipped: no model at ${NER_MODEL_PATH} (run npm run train:ner)`);

function byName(actors: Actor[], name: string): Actor {
  const actor = actors.find((a) => a.name === name || a.aliases.includes(name));
  if (!actor) throw new Error(`no actor ${name} among ${actors.map((a) => a.name).join(', ')}`);
  return actor;
}

describe.skipIf(!existsSync(NER_MODEL_PATH))('recogniseActors on a text written for the tests', () => {
  const text = readFileSync(join(FIXTURES, 'visit.txt'), 'utf8');
  const actors = recogniseActors(loadNerModelFromDisk(), text);

  it('gives every mention offsets that cut the text exactly', () => {
    expect(actors.length).toBeGreaterThan(5);
    for (const a of actors) for (const m of a.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('numbers actors a1, a2 … in order of first mention', () => {
    actors.forEach((a, i) => expect(a.id).toBe(`a${i + 1}`));
    const firsts = actors.map((a) => a.mentions[0]!.start);
    expect([...firsts].sort((x, y) => x - y)).toEqual(firsts);
  });

  it('leaves attached conjunctions and prepositions out of mentions', () => {
    const iran = byName(actors, 'إيران');
    expect(iran.mentions.map((m) => m.text)).toEqual(['إيران']);
    expect(text.slice(iran.mentions[0]!.start - 1, iran.mentions[0]!.start)).toBe('و');
    const washington = byName(actors, 'واشنطن');
    expect(washington.mentions[0]!.text).toBe('واشنطن');
    expect(byName(actors, 'قطر').mentions[0]!.text).toBe('قطر');
  });

  it('groups a short form with the full name, with the title as role', () => {
    const blinken = byName(actors, 'أنتوني بلينكن');
    expect(blinken.type).toBe('PERSON');
    expect(blinken.name).toBe('أنتوني بلينكن');
    expect(blinken.aliases).toContain('بلينكن');
    expect(blinken.mentions).toHaveLength(2);
    expect(blinken.role).toBe('وزير الخارجية الأمريكي');
    const sisi = byName(actors, 'عبد الفتاح السيسي');
    expect(sisi.role).toBe('الرئيس المصري');
  });

  it('groups a country\'s official and short names into one actor', () => {
    const us = byName(actors, 'الولايات المتحدة');
    expect(us.type).toBe('LOC');
    expect(us.aliases).toContain('أمريكا');
    expect(actors.filter((a) => a.name === 'أمريكا' || a.aliases.includes('أمريكا'))).toHaveLength(1);
  });

  it('links a capital acting for its government only when it acts', () => {
    // واشنطن here is where a press conference took place: a place, not the government.
    expect(byName(actors, 'واشنطن').standsFor).toBeUndefined();
  });

  it('finds nothing in empty or non-Arabic text', () => {
    const model = loadNerModelFromDisk();
    expect(recogniseActors(model, '')).toEqual([]);
    expect(recogniseActors(model, '😀 12345 ... ---')).toEqual([]);
  });

  it('a capital that acts stands for its country when the country is named', () => {
    const model = loadNerModelFromDisk();
    const t = 'قالت إيران إنها مستعدة للحوار. وأكدت طهران أن المحادثات مستمرة.';
    const found = recogniseActors(model, t);
    const iran = byName(found, 'إيران');
    expect(byName(found, 'طهران').standsFor).toBe(iran.id);
  });
});

describe.skipIf(!existsSync(NER_MODEL_PATH))('grouping names with a lineage (بن)', () => {
  const text =
    'استقبل صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز آل سعود ولي العهد الوفد في الرياض ، ونقل إليه ' +
    'تحيات خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود . وأكد الأمير محمد بن سلمان أهمية العلاقات .';
  const actors = recogniseActors(loadNerModelFromDisk(), text);

  it('keeps the father named inside the son’s name apart, and joins the son’s short form to him', () => {
    const son = byName(actors, 'محمد بن سلمان بن عبدالعزيز آل سعود');
    const father = byName(actors, 'سلمان بن عبدالعزيز آل سعود');
    expect(son.id).not.toBe(father.id);
    expect(son.aliases).toContain('محمد بن سلمان');
    expect(father.mentions).toHaveLength(1);
  });
});

describe.skipIf(!existsSync(NER_MODEL_PATH))('role phrases stop where the role ends', () => {
  const model = loadNerModelFromDisk();
  const rolesOf = (text: string, name: string): string[] => {
    const actors = recogniseActors(model, text);
    const actor = actors.find((a) => a.name.startsWith(name)) ?? byName(actors, name);
    return actor.roles ?? (actor.role ? [actor.role] : []);
  };

  it('does not run a title phrase back across another person’s name', () => {
    const text = 'واتصل الملك عبد الله الثاني بأخيه خادم الحرمين الشريفين الملك سلمان بن عبد العزيز آل سعود هاتفيا .';
    const roles = rolesOf(text, 'سلمان بن عبد العزيز');
    expect(roles.length).toBeGreaterThan(0);
    for (const role of roles) expect(role).not.toContain('عبد الله');
  });

  it('gives the role without the preposition that governs it (لوزير, للرئيس)', () => {
    expect(rolesOf('وقدم الوفد التهنئة لوزير الصحة الدكتور عبدالله الربيعة بمناسبة نجاح العملية .', 'عبدالله الربيعة')).toEqual(['وزير الصحة الدكتور']);
    expect(rolesOf('وأعلن الحوثيون ولاءهم للرئيس السابق علي عبدالله صالح في صنعاء .', 'علي عبدالله صالح')).toEqual(['الرئيس السابق']);
  });

  it('ends an apposition where what the person said begins (إن …)', () => {
    const text = 'وقالت دانيلي بيل ، مديرة بعثة الأمم المتحدة في أفغانستان إن النساء والأطفال كانوا الأكثر تضررا .';
    expect(rolesOf(text, 'دانيلي بيل')).toEqual(['مديرة بعثة الأمم المتحدة في أفغانستان']);
  });
});

describe.skipIf(!existsSync(NER_MODEL_PATH))('a head noun alone (الهيئة)', () => {
  const model = loadNerModelFromDisk();

  it('joins the body last named with that head', () => {
    const text = 'أعلنت الهيئة العامة للطيران المدني أمس عن خطة جديدة للمطارات . وقالت الهيئة إن الخطة تبدأ الشهر المقبل .';
    const body = byName(recogniseActors(model, text), 'الهيئة العامة للطيران المدني');
    expect(body.mentions.map((m) => m.text)).toEqual(['الهيئة العامة للطيران المدني', 'الهيئة']);
  });

  it('is no actor of its own when nothing was named with it', () => {
    const actors = recogniseActors(model, 'وقالت الهيئة إن الخطة تبدأ الشهر المقبل في الرياض .');
    expect(actors.map((a) => a.name)).toEqual(['الرياض']);
  });
});

describe.skipIf(!existsSync(NER_MODEL_PATH))('one person under several spellings', () => {
  const model = loadNerModelFromDisk();
  const summary = (text: string): string[] => recogniseActors(model, text).map((a) => `${a.type} ${a.name} [${a.aliases.join('،')}] x${a.mentions.length}`);

  it('joins a transliterated name written with and without a long vowel (بوشنيل / بوشنل)', () => {
    expect(summary('توجه آرون بوشنيل إلى السفارة . وقال آرون بوشنل إنه لن يشارك . ونشر بوشنل مقطعا مصورا .')).toEqual([
      'PERSON آرون بوشنيل [آرون بوشنل،بوشنل] x3',
    ]);
  });

  it('keeps Arabic names a long vowel apart as different people (سلمان / سليمان, العتيبي / العتبي)', () => {
    const persons = (text: string): string[] => recogniseActors(model, text).filter((a) => a.type === 'PERSON').map((a) => a.name);
    expect(persons('وقال سلمان الجابري إن الوفد وصل . وأضاف سليمان الجابري أن اللقاء مثمر .')).toEqual(['سلمان الجابري', 'سليمان الجابري']);
    expect(persons('وقال سعد العتيبي إن الفريق جاهز . وقال سعد العتبي إن المباراة صعبة .')).toEqual(['سعد العتيبي', 'سعد العتبي']);
  });

  it('gives a surname the tagger typed as an organisation to the person who bears it', () => {
    expect(summary('يعتزم المهاجم السابق ديفيد ناكيد الترشح لرئاسة الاتحاد . ويعيش "المحامي" ناكيد (51 عاما) في لبنان .')).toEqual([
      'PERSON ديفيد ناكيد [ناكيد] x2',
      'LOC لبنان [] x1',
    ]);
  });

  it('does not take the adjective الكبير after a noun for the title كبير', () => {
    const person = byName(recogniseActors(model, 'وقال أصدقاء الطيار الكبير آرون بوشنل إنه كان هادئا .'), 'آرون بوشنل');
    expect(person.role).toBeUndefined();
    const negotiator = byName(recogniseActors(model, 'وترأس الوفد علي باقري كاني ، كبير المفاوضين النوويين ، في مسقط .'), 'علي باقري كاني');
    expect(negotiator.roles ?? []).toContain('كبير المفاوضين النوويين');
  });
});

describe.skipIf(!existsSync(NER_MODEL_PATH))('a ministry and its country', () => {
  const model = loadNerModelFromDisk();
  const summary = (text: string): string[] => recogniseActors(model, text).map((a) => `${a.type} ${a.name} [${a.aliases.join('،')}] x${a.mentions.length}`);

  it('joins the ministry named by its portfolio to the one the article names with its country', () => {
    expect(summary('وأعلنت وزارة الصحة السعودية تسجيل حالات جديدة . وقالت وزارة الصحة إن الوضع مستقر .')).toEqual(['ORG وزارة الصحة السعودية [وزارة الصحة] x2']);
  });

  it('leaves it alone when the article names that portfolio for two countries', () => {
    const text = 'وقالت وزارة الخارجية الأمريكية إن المحادثات مستمرة . وردت وزارة الخارجية الإيرانية بالنفي . وأضافت وزارة الخارجية أن الوفد عاد .';
    expect(summary(text)).toEqual(['ORG وزارة الخارجية الأمريكية [] x1', 'ORG وزارة الخارجية الإيرانية [] x1', 'ORG وزارة الخارجية [] x1']);
  });
});
