/**
 * Arabic test pages generated for the store tests: distinct news articles (invented people and events, written for
 * this project) and Arabic pages that are not articles (a home page, a section listing). Deterministic per index.
 */

interface Topic {
  title: (p: Cast) => string;
  paragraphs: (p: Cast) => string[];
}

/** Who and where an article is about. */
interface Cast {
  minister: string;
  official: string;
  city: string;
  country: string;
  other: string;
  org: string;
  day: number;
  month: string;
}

const MINISTERS = ['سلوى الدباغ', 'كريم العطار', 'نادر الشامي', 'هالة المنصوري', 'فراس القاسم', 'رنا الخطيب', 'بسام الحلبي', 'منى الزين', 'عادل الفاسي', 'لينا بركات', 'ماهر العلي', 'دينا السويدي'];
const OFFICIALS = ['عمر الساعدي', 'جميلة حداد', 'طلال النعيمي', 'سهى المصري', 'ياسر البزاز', 'نوال الشريف', 'حازم التكريتي', 'ريم الأيوبي', 'وائل الكبيسي', 'عبير الرفاعي', 'سامر درويش', 'هدى العمري'];
const PLACES: Array<[string, string]> = [
  ['عمّان', 'الأردن'], ['بيروت', 'لبنان'], ['القاهرة', 'مصر'], ['تونس', 'تونس'], ['الدوحة', 'قطر'], ['بغداد', 'العراق'],
  ['الرباط', 'المغرب'], ['مسقط', 'سلطنة عمان'], ['الخرطوم', 'السودان'], ['الجزائر', 'الجزائر'], ['الكويت', 'الكويت'], ['دمشق', 'سوريا'],
];
const ORGS = ['البنك الدولي', 'منظمة الصحة العالمية', 'جامعة الدول العربية', 'الاتحاد الأوروبي', 'منظمة اليونسكو', 'صندوق النقد الدولي'];
const MONTHS = ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'];

const TOPICS: Topic[] = [
  {
    title: (c) => `${c.country} تطلق خطة لإصلاح شبكات المياه في ${c.city} قبل الصيف`,
    paragraphs: (c) => [
      `أعلنت وزيرة المياه ${c.minister} أمس في ${c.city} عن خطة وطنية لإصلاح شبكات المياه القديمة، تشمل استبدال الأنابيب المتهالكة في الأحياء الشرقية وتركيب عدادات ذكية للحد من الهدر الذي يقدّر بثلث الكميات المضخوخة.`,
      `وقالت ${c.minister} في مؤتمر صحفي إن المرحلة الأولى ستبدأ في ${c.day} ${c.month} المقبل، موضحة أن ${c.org} وافق على تمويل جزء من المشروع بقرض ميسّر يسدد على عشرين عاماً.`,
      `من جهته، أكد مدير سلطة المياه ${c.official} أن فرق الصيانة رصدت أكثر من ألفي نقطة تسرب خلال العام الماضي، وأن إصلاحها سيوفر ما يكفي لتزويد مئة ألف أسرة بالمياه طوال أشهر الصيف.`,
      `ويأتي الإعلان بعد احتجاجات شهدتها ${c.other} في آب الماضي بسبب انقطاع المياه لأيام متتالية، وهو ما دفع البرلمان إلى مطالبة الحكومة بخطة عاجلة وجدول زمني واضح للتنفيذ.`,
      `ومن المقرر أن تقدم الوزارة تقريرها الأول عن سير العمل إلى البرلمان في نهاية العام، على أن تنشر بيانات الاستهلاك لكل حي على موقعها بشكل شهري.`,
    ],
  },
  {
    title: (c) => `افتتاح معرض ${c.city} الدولي للكتاب بمشاركة ناشرين من ثلاثين دولة`,
    paragraphs: (c) => [
      `افتتح وزير الثقافة ${c.minister} صباح الخميس الماضي معرض ${c.city} الدولي للكتاب في دورته الجديدة، بمشاركة أكثر من ستمئة دار نشر عربية وأجنبية، وسط إقبال لافت من طلاب المدارس والجامعات.`,
      `وقال ${c.minister} في كلمة الافتتاح إن المعرض «مساحة للحوار قبل أن يكون سوقاً للكتب»، مشيراً إلى أن ${c.country} خصصت هذا العام جناحاً لأدب الأطفال وجناحاً للكتب المترجمة.`,
      `وأوضح رئيس اللجنة المنظمة ${c.official} أن برنامج المعرض يتضمن أكثر من مئة ندوة وأمسية شعرية، وأن الدورة المقبلة ستقام في ${c.day} ${c.month} من العام القادم بالتعاون مع ${c.org}.`,
      `وشهد اليوم الأول توقيع عشرات الكتب الجديدة، بينها رواية عن تاريخ ${c.other} لاقت اهتمام الزوار، فيما اشتكى بعض الناشرين من ارتفاع تكاليف الشحن والورق خلال الأشهر الأخيرة.`,
      `ويستمر المعرض عشرة أيام، ويفتح أبوابه يومياً من العاشرة صباحاً حتى التاسعة مساء، مع تخصيص الفترة الصباحية للزيارات المدرسية المنظمة.`,
    ],
  },
  {
    title: (c) => `مباحثات في ${c.city} حول توسيع ميناء الشحن وفتح خطوط بحرية جديدة`,
    paragraphs: (c) => [
      `بحث وزير النقل ${c.minister} اليوم الأحد في ${c.city} مع وفد من ${c.other} سبل توسيع ميناء الشحن الرئيسي وفتح خطوط بحرية جديدة تربط موانئ البلدين بأسواق شرق أفريقيا.`,
      `وقال ${c.minister} عقب الاجتماع إن ${c.country} تسعى إلى مضاعفة طاقة الميناء الاستيعابية خلال خمس سنوات، وإن دراسة الجدوى التي أعدها ${c.org} أظهرت عائداً مجزياً على الاستثمار.`,
      `وأكد رئيس هيئة الموانئ ${c.official} أن أعمال الحفر لتعميق الرصيف الجنوبي ستنطلق في ${c.day} ${c.month}، وأن الهيئة طرحت مناقصة دولية لتوريد رافعات حديثة تعمل بالكهرباء.`,
      `وأشار مراقبون إلى أن المشروع يواجه تحديات تمويلية بعد ارتفاع أسعار الفائدة العالمية، غير أن الحكومة تراهن على شراكة مع القطاع الخاص لتقاسم التكاليف والأرباح.`,
      `ويتوقع أن يوفر التوسع نحو خمسة آلاف فرصة عمل مباشرة، وأن يخفض زمن انتظار السفن في المرفأ من أربعة أيام إلى يوم واحد في المتوسط.`,
    ],
  },
  {
    title: (c) => `حملة تطعيم واسعة في مدارس ${c.city} مع بدء العام الدراسي`,
    paragraphs: (c) => [
      `انطلقت أمس الإثنين في مدارس ${c.city} حملة تطعيم واسعة ضد الحصبة وشلل الأطفال، تستهدف أكثر من نصف مليون تلميذ في المرحلة الابتدائية، بإشراف وزارة الصحة ودعم من ${c.org}.`,
      `وقالت وزيرة الصحة ${c.minister} خلال زيارتها مدرسة في حي قديم إن الحملة تأتي بعد تسجيل إصابات متفرقة في ${c.other} خلال الربيع الماضي، داعية الأهالي إلى عدم التردد في تطعيم أبنائهم.`,
      `وأوضح مدير الرعاية الصحية الأولية ${c.official} أن الفرق الطبية ستزور القرى النائية بعد انتهاء المرحلة الأولى في ${c.day} ${c.month}، وأن اللقاحات متوفرة بكميات تكفي الجميع.`,
      `ولقيت الحملة ترحيباً من نقابة المعلمين التي طالبت في الوقت نفسه بتعيين ممرضين دائمين في المدارس الكبيرة، وتحسين المرافق الصحية في المباني المدرسية القديمة في ${c.country}.`,
      `وتنشر الوزارة حصيلة يومية لعدد الأطفال الذين تلقوا اللقاح، على أن تعلن النتائج النهائية في مؤتمر صحفي عند اختتام الحملة.`,
    ],
  },
  {
    title: (c) => `البرلمان في ${c.country} يقر قانوناً جديداً لحماية المستهلك`,
    paragraphs: (c) => [
      `أقر البرلمان في ${c.country} بالأغلبية مساء الثلاثاء قانوناً جديداً لحماية المستهلك، يفرض غرامات مشددة على التلاعب بالأسعار والغش التجاري، ويلزم المتاجر الإلكترونية بسياسة واضحة لإرجاع السلع.`,
      `وقال وزير التجارة ${c.minister} أمام النواب في ${c.city} إن القانون «يعيد التوازن بين التاجر والمستهلك»، مؤكداً أن الوزارة ستنشئ منصة لتلقي الشكاوى والرد عليها خلال أسبوع.`,
      `وانتقد النائب ${c.official} بعض بنود القانون، معتبراً أن الغرامات قد تثقل كاهل صغار التجار، واقترح فترة انتقالية تمتد حتى ${c.day} ${c.month} من العام المقبل قبل تطبيق العقوبات.`,
      `ويأتي القانون بعد دراسة أعدها ${c.org} أشارت إلى أن ربع الشكاوى المسجلة تتعلق بالتجارة الإلكترونية، وأن تجارب مماثلة في ${c.other} خفضت الشكاوى بشكل ملحوظ خلال عامين.`,
      `ويدخل القانون حيز التنفيذ بعد نشره في الجريدة الرسمية، على أن تصدر اللوائح التنفيذية خلال ثلاثة أشهر.`,
    ],
  },
  {
    title: (c) => `${c.city} تستضيف قمة إقليمية للطاقة المتجددة والربط الكهربائي`,
    paragraphs: (c) => [
      `استضافت ${c.city} أمس قمة إقليمية للطاقة المتجددة بمشاركة وزراء ومسؤولين من عشر دول، ناقشت مشاريع الربط الكهربائي وتخزين الطاقة الشمسية وتمويل محطات الرياح على السواحل.`,
      `وقالت وزيرة الطاقة ${c.minister} في الجلسة الافتتاحية إن ${c.country} تهدف إلى إنتاج ثلث حاجتها من الكهرباء من مصادر متجددة بحلول نهاية العقد، داعية إلى سوق إقليمية موحدة للكهرباء.`,
      `ووقّع الوفد القادم من ${c.other} مذكرة تفاهم لدراسة خط ربط كهربائي بين البلدين، فيما أعلن ممثل ${c.org} استعداده لتقديم منح فنية لإعداد الدراسات الهندسية.`,
      `وأوضح مدير شركة الكهرباء الوطنية ${c.official} أن المحطة الشمسية الجديدة في الجنوب ستدخل الخدمة في ${c.day} ${c.month}، وأنها ستغطي احتياجات نحو مئتي ألف منزل.`,
      `واختتمت القمة ببيان يدعو إلى تسهيل الاستثمارات وتوحيد المعايير الفنية، على أن تعقد الدورة المقبلة بعد عام.`,
    ],
  },
];

export interface GeneratedArticle {
  path: string;
  title: string;
  /** The page's `<link rel=canonical>`: the store keys articles by it. */
  canonicalUrl: string;
  html: string;
}

/** The n-th article (n ≥ 0): a different topic, cast and date for every n. */
export function generatedArticle(n: number): GeneratedArticle {
  const topic = TOPICS[n % TOPICS.length]!;
  const [city, country] = PLACES[(n * 5) % PLACES.length]!;
  const cast: Cast = {
    minister: MINISTERS[n % MINISTERS.length]!,
    official: OFFICIALS[(n * 7 + 3) % OFFICIALS.length]!,
    city,
    country,
    other: PLACES[(n * 5 + 4) % PLACES.length]![1],
    org: ORGS[n % ORGS.length]!,
    day: 1 + ((n * 11) % 27),
    month: MONTHS[(n * 7) % 12]!,
  };
  const title = topic.title(cast);
  const day = String(1 + (n % 28)).padStart(2, '0');
  const path = `/news/2026/10/${day}/story-${n}.html`;
  const canonicalUrl = `http://127.0.0.1/news/2026/10/${day}/story-${n}`;
  const published = `2026-10-${day}`;
  const paragraphs = topic.paragraphs(cast).map((p) => `<p>${p}</p>`).join('\n        ');
  const html = `<!doctype html>
<html lang="ar" dir="rtl">
  <head>
    <meta charset="utf-8" />
    <title>${title} | صحيفة الاختبار</title>
    <meta property="og:type" content="article" />
    <meta property="og:site_name" content="صحيفة الاختبار" />
    <meta property="og:title" content="${title}" />
    <meta property="article:published_time" content="${published}T08:00:00+02:00" />
    <link rel="canonical" href="${canonicalUrl}" />
    <script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: title, datePublished: `${published}T08:00:00+02:00`, inLanguage: 'ar' })}</script>
  </head>
  <body>
    <header><a href="/">صحيفة الاختبار</a> <nav><a href="/section/politics">سياسة</a> · <a href="/section/economy">اقتصاد</a></nav></header>
    <main>
      <article>
        <h1>${title}</h1>
        <p class="byline">${city} - خاص · <time datetime="${published}">${Number(day)} تشرين الأول 2026</time></p>
        ${paragraphs}
      </article>
    </main>
    <footer>صفحة اختبار كُتبت لمشروع عدسة الأخبار العربية؛ الأشخاص والأحداث فيها متخيَّلون.</footer>
  </body>
</html>`;
  return { path, title, canonicalUrl, html };
}

/** An Arabic page that is not one article: a front page or section listing of headlines. */
export function arabicListingPage(kind: 'home' | 'section'): string {
  const teasers = Array.from({ length: 30 }, (_, n) => {
    const a = generatedArticle(100 + n);
    return `<li><a href="${a.path}">${a.title}</a><span> · ${n + 1} تشرين الأول</span></li>`;
  }).join('\n      ');
  const heading = kind === 'home' ? 'صحيفة الاختبار: آخر الأخبار' : 'سياسة';
  return `<!doctype html>
<html lang="ar" dir="rtl">
  <head>
    <meta charset="utf-8" />
    <title>${heading}</title>
    <meta property="og:type" content="website" />
  </head>
  <body>
    <header><a href="/">صحيفة الاختبار</a> <nav><a href="/section/politics">سياسة</a> · <a href="/section/economy">اقتصاد</a> · <a href="/section/sport">رياضة</a></nav></header>
    <h1>${heading}</h1>
    <ul>
      ${teasers}
    </ul>
    <footer>صفحة اختبار كُتبت لمشروع عدسة الأخبار العربية.</footer>
  </body>
</html>`;
}

/** The generated routes, for startPageServer({ generated }). */
export function generatedRoutes(path: string): string | undefined {
  if (path === '/') return arabicListingPage('home');
  if (path.startsWith('/section/')) return arabicListingPage('section');
  const match = /^\/news\/2026\/10\/\d{2}\/story-(\d+)\.html$/.exec(path);
  return match ? generatedArticle(Number(match[1])).html : undefined;
}
