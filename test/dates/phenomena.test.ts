/** One behaviour per test, with exact values, for each phenomenon of issue 5 and CONTRACT.md. */
import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/nlp/dates/index';

const REF = '2024-03-14'; // a Thursday
const values = (text: string, ref = REF): string[] => findDates(text, ref).map((d) => d.value);
const only = (text: string, ref = REF) => {
  const found = findDates(text, ref);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('month systems', () => {
  it('reads Levantine, Egyptian and Maghrebi names of the same month alike', () => {
    for (const name of ['شباط', 'فبراير', 'فيفري']) expect(values(`في 5 ${name} 2020`)).toEqual(['2020-02-05']);
    for (const name of ['آب', 'أغسطس', 'اغسطس', 'غشت', 'أوت']) expect(values(`في 5 ${name} 2020`)).toEqual(['2020-08-05']);
    for (const name of ['كانون الأول', 'ديسمبر', 'دجنبر']) expect(values(`في 5 ${name} 2020`)).toEqual(['2020-12-05']);
  });

  it('takes side-by-side pairs as one expression', () => {
    const d = only('في 3 شباط/فبراير 2021 وصل');
    expect(d).toMatchObject({ text: '3 شباط/فبراير 2021', value: '2021-02-03', grain: 'day' });
    expect(only('خلال فبراير (شباط) 2021').text).toBe('فبراير (شباط) 2021');
  });

  it('gives month + year as a month value and a year alone as a year', () => {
    expect(only('في كانون الثاني 2023')).toMatchObject({ value: '2023-01', grain: 'month' });
    expect(only('منذ عام 2011')).toMatchObject({ text: 'عام 2011', value: '2011', grain: 'year' });
  });
});

describe('digits and number words', () => {
  it('reads Arabic-Indic and Persian digits and keeps offsets', () => {
    const text = 'في ١٤ آذار ۲۰۲۴ جرى';
    const d = only(text);
    expect(d.value).toBe('2024-03-14');
    expect(text.slice(d.start, d.end)).toBe('١٤ آذار ۲۰۲۴');
  });

  it('reads a day number written with the article (الـ15)', () => {
    expect(only('في الـ15 من أيار الماضي')).toMatchObject({ text: 'الـ15 من أيار الماضي', value: '2023-05-15' });
  });

  it('reads ordinal day words', () => {
    expect(values('في الحادي والعشرين من أيلول 2019')).toEqual(['2019-09-21']);
    expect(values('في الثالث عشر من شباط 2013')).toEqual(['2013-02-13']);
  });

  it('reads number words in relative expressions', () => {
    expect(values('قبل خمسة أيام')).toEqual(['2024-03-09']);
    expect(values('منذ يومين')).toEqual(['2024-03-12']);
  });
});

describe('relative expressions (past-leaning)', () => {
  it('places a day and month without a year in the most recent past', () => {
    expect(values('في 11 كانون الثاني')).toEqual(['2024-01-11']);
    expect(values('في 20 تشرين الأول')).toEqual(['2023-10-20']);
  });

  it('moves to the future when the sentence marks it', () => {
    expect(values('سيعقد المؤتمر في 20 تشرين الأول')).toEqual(['2024-10-20']);
    expect(values('سوف يصل في 1 آذار')).toEqual(['2025-03-01']);
  });

  it('resolves <month> الماضي/المقبل against the reference month', () => {
    expect(values('في آذار الماضي')).toEqual(['2023-03']);
    expect(values('في آذار المقبل')).toEqual(['2025-03']);
    expect(values('في شباط الماضي')).toEqual(['2024-02']);
  });

  it('resolves weekdays', () => {
    expect(values('الخميس')).toEqual(['2024-03-14']); // the reference's own weekday
    expect(values('الخميس الماضي')).toEqual(['2024-03-07']);
    expect(values('الخميس المقبل')).toEqual(['2024-03-21']);
    expect(values('هذا السبت')).toEqual(['2024-03-16']);
    expect(values('الاثنين')).toEqual(['2024-03-11']);
  });

  it('takes the nearest year where a weekday matches its day and month', () => {
    expect(values('الجمعة 15 آذار')).toEqual(['2024-03-15']);
    expect(values('السبت 5/3')).toEqual(['2022-03-05']);
  });

  it('reads DD/MM only after يوم or a weekday (1/3 alone may be a fraction)', () => {
    expect(values('يوم 5/3')).toEqual(['2024-03-05']);
    expect(values('في 1/3')).toEqual([]);
  });

  it('shifts the reference by N units', () => {
    expect(values('بعد شهرين')).toEqual(['2024-05-14']);
    expect(values('قبل 3 سنوات')).toEqual(['2021-03-14']);
    expect(values('منذ أسبوع')).toEqual(['2024-03-07']);
  });

  it('reads colloquial forms', () => {
    expect(values('السنة الجاية')).toEqual(['2025']);
    expect(values('الأسبوع اللي فات')).toEqual(['2024-W10']);
    expect(values('مبارح')).toEqual(['2024-03-13']);
    expect(values('من يومين')).toEqual(['2024-03-12']);
  });

  it('uses ISO weeks', () => {
    expect(values('الأسبوع الماضي')).toEqual(['2024-W10']);
    expect(values('الأسبوع المقبل')).toEqual(['2024-W12']);
  });

  it('treats a part of the day named with the day as that day', () => {
    expect(values('صباح اليوم')).toEqual(['2024-03-14']);
    expect(values('مساء أمس')).toEqual(['2024-03-13']);
    expect(values('الليلة')).toEqual(['2024-03-14']);
  });
});

describe('lists', () => {
  it('gives each member of a list its own mention', () => {
    expect(findDates('جرت أيام 16 و17 و18 آذار 2018', REF).map((d) => [d.text, d.value])).toEqual([
      ['أيام 16', '2018-03-16'],
      ['17', '2018-03-17'],
      ['18 آذار 2018', '2018-03-18'],
    ]);
    expect(values('شهدت البلاد احتجاجات عامي 2016 و2017')).toEqual(['2016', '2017']);
  });

  it('keeps منذ outside a weekday it introduces', () => {
    expect(only('منذ يوم الثلاثاء الماضي')).toMatchObject({ text: 'يوم الثلاثاء الماضي', value: '2024-03-12' });
  });
});

describe('parts, seasons, decades and ranges', () => {
  it('splits months into thirds and years into parts', () => {
    expect(only('أوائل شباط')).toMatchObject({ value: '2024-02-01/2024-02-10', grain: 'part-of-month' });
    expect(values('أواخر شباط 2024')).toEqual(['2024-02-21/2024-02-29']);
    expect(values('منتصف عام 2020')).toEqual(['2020-06-01/2020-07-31']);
    expect(values('نهاية العام الماضي')).toEqual(['2023-10-01/2023-12-31']);
    expect(values('النصف الثاني من العام الماضي')).toEqual(['2023-07-01/2023-12-31']);
  });

  it('reads the ten-day parts of Hijri months and a bare بداية الشهر', () => {
    expect(values('العشر الأواخر من رمضان')).toEqual(['2024-03-31/2024-04-09']);
    expect(values('بداية الشهر')).toEqual(['2024-03-01/2024-03-10']);
  });

  it('uses meteorological seasons', () => {
    expect(values('ربيع 2011')).toEqual(['2011-03-01/2011-05-31']);
    expect(values('خريف 2015')).toEqual(['2015-09-01/2015-11-30']);
    expect(values('الصيف المقبل')).toEqual(['2024-06-01/2024-08-31']);
  });

  it('reads decades, with a century when one is named', () => {
    expect(values('التسعينيات')).toEqual(['1990-01-01/1999-12-31']);
    expect(values('ستينيات القرن الماضي')).toEqual(['1960-01-01/1969-12-31']);
  });

  it('reads ranges of days, months and years', () => {
    expect(values('من 10 إلى 12 شباط')).toEqual(['2024-02-10/2024-02-12']);
    expect(values('من يناير إلى مارس 2022')).toEqual(['2022-01-01/2022-03-31']);
    expect(values('من 2014 إلى 2018')).toEqual(['2014-01-01/2018-12-31']);
  });
});

describe('Hijri', () => {
  it('converts a Hijri day with Umm al-Qura and keeps the Hijri value', () => {
    expect(only('في 10 رمضان 1445 هـ')).toMatchObject({ value: '2024-03-20', hijri: '1445-09-10', grain: 'day' });
  });

  it('reads double dating as one date', () => {
    const d = only('في 10 رمضان 1445 هـ الموافق 20 آذار 2024 م');
    expect(d).toMatchObject({ value: '2024-03-20', hijri: '1445-09-10', text: '10 رمضان 1445 هـ الموافق 20 آذار 2024 م' });
  });

  it('reads Hijri months and years as intervals of Gregorian days', () => {
    expect(values('في رمضان 1444')).toEqual(['2023-03-23/2023-04-20']);
    expect(values('جمادى الأولى 1445')).toEqual(['2023-11-15/2023-12-13']);
    expect(values('ربيع الآخر 1445')).toEqual(['2023-10-16/2023-11-14']);
  });

  it('reads غرة (first day) and the n-th day of a holiday', () => {
    expect(values('غرة رمضان 1445')).toEqual(['2024-03-11']);
    expect(values('ثاني أيام عيد الفطر 1444')).toEqual(['2023-04-22']);
  });

  it('resolves holidays past-leaning', () => {
    expect(values('عيد الفطر')).toEqual(['2023-04-21']);
    expect(values('رأس السنة الهجرية')).toEqual(['2023-07-19']);
  });
});

describe('spans exclude clitics and prepositions', () => {
  it('leaves و، ف، ب، في، منذ، حتى outside', () => {
    expect(only('وفي 2019 بدأ').text).toBe('2019');
    expect(only('منذ كانون الثاني 2020').text).toBe('كانون الثاني 2020');
    expect(only('حتى 15 أيار 2020').text).toBe('15 أيار 2020');
    expect(only('وأمس قال').text).toBe('أمس');
    expect(only('انطلاقا من عام 1993').text).toBe('عام 1993');
    expect(only('بعد انتخابات 2020 بعام').value).toBe('2020');
  });

  it('covers diacritics that belong to the word', () => {
    expect(only('الموعد غداً')).toMatchObject({ text: 'غداً', value: '2024-03-15' });
  });
});

describe('not dates', () => {
  it.each([
    ['a duration', 'بقي هناك لمدة ثلاثة أيام'],
    ['a clock time alone', 'الساعة 7:65'],
    ['an age', 'توفي عن 85 عاما'],
    ['a count', 'شارك 1500 شخص'],
    ['a decimal', 'بلغ 2019.5 نقطة'],
    ['a percentage', 'ارتفع بنسبة 2020%'],
    ['a page number', 'في الصفحة 12'],
    ['اليوم naming a day of observance', 'اليوم الوطني'],
    ['اليوم meaning nowadays', 'يعيش عالم اليوم أزمات'],
    ['a name like a month', 'التقى شعبان عبد الرحيم'],
    ['a verb like a month', 'مارس السياسة سنوات'],
    ['a phone number', '01012345678'],
    ['بكرة القدم ("with the ball")', 'الأنشطة المرتبطة بكرة القدم'],
    ['the idiom يوماً بعد يوم', 'يتكشف الأمر يوماً بعد يوم'],
    ['amounts compared with من … إلى', 'زادت المدة من أربع سنوات إلى خمس'],
    ['a month name inside a foreign name', 'التقى لويجي دي مايو بالصحفيين'],
    ['واحد ("one") is not و + أحد (Sunday)', 'وصل قبلهم بيوم واحد'],
    ['an age given as a decade', 'رجل في الثمانينيات من العمر'],
    ['a year before the common era', 'بني المعبد عام 500 ق.م'],
    ['a night of the story (تلك الليلة)', 'في تلك الليلة سمعنا الشعراء'],
    ['a duration after a comparison', 'استمر أكثر من يومين'],
    ['a football score with صفر (zero)', 'فاز الفريق 3 - صفر على ضيفه'],
    ['باب ("door", "by way of") is not ب + آب', 'فعل ذلك من باب الاحتياط'],
    ['إب, a Yemeni city, folds like آب', 'اندلعت اشتباكات في إب'],
    ['a version number', '1.10.30'],
  ])('%s: %s', (_what, text) => {
    expect(findDates(text, REF)).toEqual([]);
  });

  it('invents nothing for impossible days', () => {
    expect(findDates('31 شباط 2023', REF)).toEqual([]);
    expect(findDates('31 نيسان', REF)).toEqual([]);
    expect(findDates('30 ذو الحجة 1446', REF)).toEqual([]);
    expect(findDates('32/13/2020', REF)).toEqual([]);
  });
});

describe('reference and input checks', () => {
  it('rejects a reference that is not a real day', () => {
    expect(() => findDates('أمس', '2024-02-30')).toThrow(RangeError);
    expect(() => findDates('أمس', '14/03/2024')).toThrow(/YYYY-MM-DD/);
  });

  it('handles empty text and a long text', () => {
    expect(findDates('', REF)).toEqual([]);
    const long = 'قال الوزير أمس إن الاجتماع في 5 أيار 2023. '.repeat(20000);
    const found = findDates(long, REF);
    expect(found).toHaveLength(40000);
    expect(found[39999]!.value).toBe('2023-05-05');
  });
});
