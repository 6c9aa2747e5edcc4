/**
 * Where the mention rules must hold back from what the tagger found. Both cases lit up words all
 * over real articles: a person called علي turned every preposition على into a person (the two
 * are one word once ى/ي are folded), the preposition أمام read as the title إمام made a person of
 * the next two words, a place inside a named cup became a place actor, every sum in riyals was Real
 * Madrid, and سموه (his highness) was a person's name. After a title, phrases the tagger was sure are no
 * name (باسم مجلس, عام فرع) were persons too.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadNerModelFromDisk, NER_MODEL_PATH } from '../../src/cli/loadModel';
import { findMentions } from '../../src/nlp/entities/index';
import { joinAdjacentPersons, textTokens, type RawSpan } from '../../src/nlp/entities/mentions';
import { fallbackModel } from '../../src/nlp/entities/model';

describe.skipIf(!existsSync(NER_MODEL_PATH))('mention rules that must hold back', () => {
  const model = loadNerModelFromDisk();

  it('does not spread a surname that is also a common word (علي / على) over the article', () => {
    const text =
      'استقبل رئيس الوزراء محمد علي أمس وفدا من رجال الأعمال، واتفق الجانبان على تعزيز التعاون. ' +
      'وشدد على أهمية الاستثمار. وقال إن الاتفاق يقوم على أسس واضحة.';
    const persons = findMentions(model, text).mentions.filter((m) => m.type === 'PERSON');
    expect(persons.map((m) => m.text)).toEqual(['محمد علي']);
  });

  it('still spreads a rare surname the tagger misses alone, clitics allowed (ترودو, لماكغورك)', () => {
    const persons = (text: string): string[] => findMentions(model, text).mentions.filter((m) => m.type === 'PERSON').map((m) => m.text);
    expect(persons('أعلن رئيس الوزراء الكندي جاستن ترودو خطة جديدة . وأضاف أن ترودو سيزور المنطقة .')).toEqual(['جاستن ترودو', 'ترودو']);
    expect(persons('ولفت بريت ماكغورك إلى أن الاتصالات مستمرة . وكان لماكغورك دور في المحادثات .')).toEqual(['بريت ماكغورك', 'ماكغورك']);
  });

  it('reads أمام as the preposition, not the title إمام, and no clitic-bearing common word as a name', () => {
    for (const text of [
      'وأكد الوزير أن البلاد تقف أمام مستقبل ملتبس في ظل الأزمة .',
      'وأكد المدرب أن الفريق خسر أمام منافس عنيد في الجولة الأخيرة .',
      'وقال المسؤول عضو وأعضاء سفارة الدولة حاضرون .',
    ]) {
      expect(findMentions(model, text).mentions.filter((m) => m.type === 'PERSON')).toEqual([]);
    }
  });

  it('takes a currency after a number for money, not for Real Madrid', () => {
    const text = 'وقدرت التكلفة بنحو 250 ألف ريال سعودي ، فيما بلغت الديون مليون ريال . وفاز ريال مدريد على برشلونة .';
    expect(findMentions(model, text).mentions.map((m) => `${m.type} ${m.text}`)).toEqual(['ORG ريال مدريد', 'ORG برشلونة']);
  });

  it('keeps the person after مرض, حمى or the virus with the article (who is ill, not the illness)', () => {
    const persons = (text: string): string[] => findMentions(model, text).mentions.filter((m) => m.type === 'PERSON').map((m) => m.text);
    expect(persons('تتزايد الشائعات حول مرض بوتين . وقال بوتين إن روسيا لن تتراجع .')).toEqual(['بوتين', 'بوتين']);
    expect(persons('وأصيب بالفيروس بوريس جونسون الشهر الماضي . وعاد بوريس جونسون إلى عمله .')).toEqual(['بوريس جونسون', 'بوريس جونسون']);
  });

  it('takes a disease for no person, after its head word or alone later in the article (كورونا)', () => {
    const text = 'ثمن الوزير جهود الإمارات في مواجهة فيروس كورونا المستجد . وأصيب ألف شخص بفيروس كورونا في البلاد . وتراجع انتشار كورونا .';
    expect(findMentions(model, text).mentions.map((m) => `${m.type} ${m.text}`)).toEqual(['LOC الإمارات']);
  });

  it('cuts the word an organisation was run on into, unless it has the article or heads more of the name', () => {
    const orgs = (text: string): string[] => findMentions(model, text).mentions.filter((m) => m.type === 'ORG').map((m) => m.text);
    expect(orgs('واختار الاتحاد الآسيوي لكرة القدم الحكم خليل جلال ليكون مقيما لحكام بطولة الاتحاد الآسيوي تحت 16 سنة ، المقررة في الكويت .')).toEqual([
      'الاتحاد الآسيوي',
      'الاتحاد الآسيوي',
    ]);
    expect(orgs('كما تعرض لانتقادات بعد انسحاب طوغو من كأس الأمم الافريقية ، إذ قرر الاتحاد الأفريقي بداية تعليق عضوية طوغو .')).toEqual(['الاتحاد الأفريقي']);
    expect(orgs('وأعلنت وزارة الصحة السعودية تسجيل حالات جديدة .')).toEqual(['وزارة الصحة السعودية']);
  });

  it('gives the person a place was run on into back to the person (كوريا الشمالية كيم جونج أون)', () => {
    const text = 'واتهمت كوريا الشمالية ماليزيا باغتيال كيم جونج نام الأخ غير الشقيق لزعيم كوريا الشمالية كيم جونج أون في مطار كوالالمبور الدولي .';
    const found = findMentions(model, text).mentions.map((m) => `${m.type} ${m.text}`);
    expect(found).toContain('PERSON كيم جونج أون');
    expect(found.filter((m) => m.startsWith('LOC كوريا'))).toEqual(['LOC كوريا الشمالية', 'LOC كوريا الشمالية']);
  });

  it('takes a facility named after a king for the facility, not the king (مطار الملك عبدالعزيز الدولي)', () => {
    const found = (text: string): string[] => findMentions(model, text).mentions.map((m) => `${m.type} ${m.text}`);
    expect(found('ووصل الوفد إلى مطار الملك عبدالعزيز الدولي بجدة أمس .')).toEqual(['LOC مطار الملك عبدالعزيز الدولي', 'LOC جدة']);
    expect(found('واستقبل الملك سلمان الوفد . وقال المتحدث باسم مركز الملك سلمان للإغاثة إن المساعدات وصلت .')).toEqual([
      'PERSON سلمان',
      'ORG مركز الملك سلمان للإغاثة',
    ]);
    // …and where the tagger ran it on into the town (بالهفوف), the town is cut off.
    expect(found('ونقل المصابون إلى مستشفى الملك فهد بالهفوف .')).toEqual(['ORG مستشفى الملك فهد']);
  });

  it('makes no group of a faction word and a relative pronoun, and takes the emergency forces for the state\'s', () => {
    const found = (text: string): string[] => findMentions(model, text).mentions.map((m) => `${m.type} ${m.text}`);
    expect(found('وانتقد دعم إيران لبعض الميليشيات التي تقوم بأعمال شنيعة في العراق .').filter((m) => m.includes('الميليشيات'))).toEqual([]);
    expect(found('وقع التفجير في مسجد قوات الطوارئ في أبها .')).toContain('ORG قوات الطوارئ');
  });

  it('takes a colour after اللون for no place (الرمادي is grey, not Ramadi)', () => {
    const text = 'وظهر دونالد ترامب بشعر مائل إلى اللون الرمادي بعد الخطاب في واشنطن .';
    expect(findMentions(model, text).mentions.map((m) => `${m.type} ${m.text}`)).toEqual(['PERSON دونالد ترامب', 'LOC واشنطن']);
  });

  it('drops an honorific that stands alone (سموه), which names nobody', () => {
    expect(findMentions(model, 'وأشار سموه إلى أن هذا العمل الإرهابي الجبان لن يمر .').mentions).toEqual([]);
  });

  it('makes a place of a name governed by a place head (جبال هرمز)', () => {
    const text = 'وقصفت الطائرات مواقع الحوثيين في جبال هرمز والحمة في مديرية ذي ناعم .';
    expect(findMentions(model, text).mentions.map((m) => `${m.type} ${m.text}`)).toContain('LOC هرمز');
  });

  it('cuts a common word the tagger ran a person on into, but not a word after بن or أبو', () => {
    const persons = (text: string): string[] => findMentions(model, text).mentions.filter((m) => m.type === 'PERSON').map((m) => m.text);
    expect(persons('وقاد ميسي برشلونة للفوز بثلاثية من الألقاب الموسم الماضي .')).toEqual(['ميسي']);
    expect(persons('واستقبل الوزير علي بن أبي طالب في مكتبه ، وحضر خالد أبو حكمة اللقاء .')).toEqual(['علي بن أبي طالب', 'خالد أبو حكمة']);
  });

  it('does not end a person on آل or بن: the next word completes the name', () => {
    const text = 'وأكد وزير الشؤون البلدية المهندس عبداللطيف بن عبدالملك آل الشيخ على وجوب الالتزام بالضوابط .';
    expect(findMentions(model, text).mentions.map((m) => m.text)).toEqual(['عبداللطيف بن عبدالملك آل الشيخ']);
  });

  it('needs a word that looks like a name after a title, not any rare phrase (الوزير بتأمين طائرات شحن)', () => {
    const text = 'وأمر الوزير بتأمين طائرات شحن تابعة للقوات الجوية .';
    expect(findMentions(model, text).mentions.filter((m) => m.type === 'PERSON')).toEqual([]);
  });

  it('takes a state’s forces for an organisation and a militia for a group', () => {
    const text = 'ونرى القوات العراقية - بما في ذلك الميليشيات - تبني قوتها ، فيما انسحبت الميليشيات العراقية من المدينة .';
    const found = findMentions(model, text).mentions.map((m) => `${m.type} ${m.text}`);
    expect(found).toContain('ORG القوات العراقية');
    expect(found).toContain('GROUP الميليشيات العراقية');
  });

  it('reads ولاية before a person as a term of office, and امام without hamza as the preposition', () => {
    const persons = (text: string): string[] => findMentions(model, text).mentions.filter((m) => m.type === 'PERSON').map((m) => m.text);
    expect(persons('وخلال ولاية دونالد ترامب الأولى فرضت واشنطن عقوبات جديدة .')).toEqual(['دونالد ترامب']);
    expect(persons('وأكد الوزير أن البلاد تقف امام مستقبل ملتبس في ظل الأزمة .')).toEqual([]);
  });

  it('leaves a national army that is not a state’s a group (الجيش الوطني الليبي)', () => {
    const text = 'وأعلن الجيش الوطني الليبي بقيادة خليفة حفتر السيطرة على المدينة .';
    expect(findMentions(model, text).mentions.map((m) => `${m.type} ${m.text}`)).toContain('GROUP الجيش الوطني الليبي');
  });

  it('leaves the words of a name the tagger calls MISC to it (no place inside دوري أبطال أوروبا)', () => {
    const text = 'وفاز ريال مدريد بلقب دوري أبطال أوروبا للمرة الخامسة عشرة في باريس .';
    const found = findMentions(model, text).mentions.map((m) => `${m.type} ${m.text}`);
    expect(found).toEqual(['ORG ريال مدريد', 'LOC باريس']);
  });
});

describe.skipIf(!existsSync(NER_MODEL_PATH))('ministries', () => {
  const model = loadNerModelFromDisk();
  const ministries = (text: string): string[] => findMentions(model, text).mentions.filter((m) => m.text.startsWith('وزار')).map((m) => `${m.type} ${m.text}`);

  it('finds a ministry with its portfolio and the adjectives a ministry takes', () => {
    expect(ministries('وتستعد وزارة العمل لإنهاء إجراءات السفر .')).toEqual(['ORG وزارة العمل']);
    expect(ministries('ووقعت وزارة الموارد المائية العقد مع الشركة .')).toEqual(['ORG وزارة الموارد المائية']);
    expect(ministries('وقالت وزارة الخارجية الأمريكية في بيان إن المحادثات مستمرة .')).toEqual(['ORG وزارة الخارجية الأمريكية']);
    expect(ministries('وأعلنت وزارة التعليم العالي النتائج .')).toEqual(['ORG وزارة التعليم العالي']);
    expect(ministries('ونظمت وزارة شؤون المرأة ورشة عمل .')).toEqual(['ORG وزارة شؤون المرأة']);
  });

  it('stops before the verb\'s object, a time word, a relative pronoun and the next body of a list', () => {
    expect(ministries('تشغل وزارة النقل التاكسي الكهربائي الأربعاء القادم .')).toEqual(['ORG وزارة النقل']);
    expect(ministries('وتتابع وزارة الخارجية القضية عن كثب .')).toEqual(['ORG وزارة الخارجية']);
    expect(ministries('ووقعت وزارة المالية الاتفاقية مع البنك .')).toEqual(['ORG وزارة المالية']);
    expect(ministries('وقالت وزارة الصحة الماضي إن الحالات تراجعت .')).toEqual(['ORG وزارة الصحة']);
    expect(ministries('وشكر المواطن وزارة الصحة والتي قدمت العلاج .')).toEqual(['ORG وزارة الصحة']);
    expect(ministries('وجرى التنسيق بين وزارة الداخلية والجيش اللبناني .')).toEqual(['ORG وزارة الداخلية']);
    expect(ministries('وتوجه الوفد إلى الوزارة صباحا .')).toEqual([]);
  });
});

describe.skipIf(!existsSync(NER_MODEL_PATH))('names announced by a title, checked against the tagger', () => {
  const model = loadNerModelFromDisk();
  const persons = (text: string): string[] => findMentions(model, text).mentions.filter((m) => m.type === 'PERSON').map((m) => m.text);

  it('takes no phrase after a title for a name when the tagger is sure it is none', () => {
    // Each of these was a person before: باسم is also the name Basem, عام follows مدير, لاعب is a title.
    expect(persons('وقال المتحدث الرسمي باسم مجلس الوزراء المصري ، إن الحكومة ستعلن القرار غدا .')).toEqual([]);
    expect(persons('وأكد مدير عام فرع وزارة العمل بالمنطقة أن الحملات مستمرة .')).toEqual([]);
    expect(persons('وتعد إيران مع روسيا لاعب مهم ونافذ في سوريا .')).toEqual([]);
  });

  it('cuts a last word the tagger rules out of a name, and keeps the unseen names titles announce', () => {
    expect(persons('تقدم لاعب المنتخب السينغالي إبراهيما نداي لمرمى المنافس وسجل .')).toEqual(['إبراهيما نداي']);
    expect(persons('وترأس الوفد الإيراني علي باقري كاني ، نائب وزير الخارجية .')).toEqual(['علي باقري كاني']);
    expect(persons('وتعاقد النادي رسميا مع النجم الغاني مبارك واكاسو رغم اجتيازه الفحص .')).toEqual(['مبارك واكاسو']);
    expect(persons('وقال رئيس الفريق منصف خماخم إن الفريق جاهز .')).toEqual(['منصف خماخم']);
  });

  it('cuts a first word the tagger is sure starts no name (the verb before an apposition)', () => {
    expect(persons('ويحذر رالف سيجال ، كبير إداريي الاستثمار ، من المخاطر .')).toEqual(['رالف سيجال']);
  });

  it('gives the first-pass scores of a sentence, and nothing to doubt from the weightless fallback', () => {
    const scores = model.sentenceScores(textTokens('وقال رئيس الفريق منصف خماخم', model).words);
    expect(scores.length).toBe(5 * 9);
    expect(scores.some((s) => s !== 0)).toBe(true);
    expect(Array.from(fallbackModel().sentenceScores(textTokens('وقال رئيس الفريق', fallbackModel()).words))).toEqual(new Array(27).fill(0));
  });
});

describe.skipIf(!existsSync(NER_MODEL_PATH))('joining persons that stand side by side', () => {
  const model = loadNerModelFromDisk();
  const join = (text: string, spans: [number, number][]): string[] => {
    const { tokens } = textTokens(text, model);
    const raw: RawSpan[] = spans.map(([first, last]) => ({ first, last, type: 'PERSON' }));
    joinAdjacentPersons(tokens, raw);
    return raw.map((sp) => tokens.slice(sp.first, sp.last + 1).map((t) => t.text).join(' '));
  };

  it('joins a name cut in two when the text shows its two words together elsewhere', () => {
    const text = 'قال لويس فان غال إن الفريق جاهز وأكد فان غال ذلك';
    expect(join(text, [[1, 2], [3, 3], [8, 9]])).toEqual(['لويس فان غال', 'فان غال']);
  });

  it('keeps two people apart when nothing shows them as one name (verb, subject, object)', () => {
    expect(join('وانتقد ماكغورك بزشكيان بشدة', [[1, 1], [2, 2]])).toEqual(['ماكغورك', 'بزشكيان']);
  });

  it('never joins across a conjunction, a clitic article or a title, even with evidence', () => {
    expect(join('حسن الدوسري وانس الشمراني ثم الدوسري وانس', [[0, 1], [2, 3], [5, 6]])).toEqual(['حسن الدوسري', 'وانس الشمراني', 'الدوسري وانس']);
    expect(join('جامعة الملك عبدالعزيز للعلوم عبدالعزيز للعلوم', [[2, 2], [3, 3], [4, 5]])).toEqual(['عبدالعزيز', 'للعلوم', 'عبدالعزيز للعلوم']);
  });
});
