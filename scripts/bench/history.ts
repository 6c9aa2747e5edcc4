/**
 * A deterministic synthetic reading history for the store benchmarks (Node and the real browser):
 * ~600 words, 15 actors, 8 dates, 6 events per article; actors drawn from a Zipf-like pool so that
 * cross-article merging, bare surnames and spelling variants are exercised. No Node or browser API:
 * scripts/bench/store-browser.ts bundles it into an extension page.
 */
import type { Actor, ActorType, Analysis, DateGrain, StoryEvent } from '../../src/nlp/types';
import { seededRandom } from '../../src/nlp/entities/hash';

const FIRST = ['محمد', 'أحمد', 'علي', 'عمر', 'خالد', 'يوسف', 'إبراهيم', 'حسن', 'سعيد', 'جو', 'هانتر', 'دونالد', 'عباس', 'فاطمة', 'ليلى', 'مريم', 'سارة', 'رشيد', 'كمال', 'نبيل', 'طارق', 'زياد', 'جمال', 'وليد', 'سامي'];
const LAST = ['بايدن', 'ترامب', 'عراقجي', 'الأسد', 'السيسي', 'أردوغان', 'نتنياهو', 'عباس', 'الحريري', 'المالكي', 'الصدر', 'بوتين', 'ماكرون', 'شولتس', 'الغنوشي', 'بن سلمان', 'العبادي', 'ميقاتي', 'هنية', 'السنوار', 'الكاظمي', 'بارزاني', 'تبون', 'قيس', 'الدبيبة', 'حفتر', 'البرهان', 'حميدتي', 'غوتيريش', 'بلينكن', 'لافروف', 'عبد اللهيان', 'الصفدي', 'شكري', 'الزياني', 'المقداد', 'باقري', 'ظريف', 'روحاني', 'رئيسي'];
const ROLES = ['الرئيس', 'وزير الخارجية', 'رئيس الوزراء', 'المتحدث باسم الحكومة', 'زعيم الحركة', 'السفير', 'قائد الجيش', 'النائب'];
const PLACES: Array<[string, string[]]> = [
  ['الولايات المتحدة', ['أمريكا', 'واشنطن']], ['إيران', ['ايران', 'طهران']], ['سلطنة عمان', ['عمان', 'مسقط']], ['مصر', ['القاهرة']],
  ['السعودية', ['المملكة العربية السعودية', 'الرياض']], ['تركيا', ['أنقرة']], ['روسيا', ['موسكو']], ['سوريا', ['دمشق']],
  ['لبنان', ['بيروت']], ['العراق', ['بغداد']], ['الأردن', ['عمّان']], ['قطر', ['الدوحة']], ['فلسطين', ['رام الله']], ['غزة', ['قطاع غزة']],
  ['ليبيا', ['طرابلس']], ['تونس', []], ['الجزائر', []], ['المغرب', ['الرباط']], ['السودان', ['الخرطوم']], ['اليمن', ['صنعاء']],
];
const ORGS = ['الأمم المتحدة', 'مجلس الأمن', 'جامعة الدول العربية', 'الاتحاد الأوروبي', 'حلف الناتو', 'الوكالة الدولية للطاقة الذرية', 'صندوق النقد الدولي', 'البنك الدولي', 'منظمة الصحة العالمية', 'أوبك'];
const GROUPS = ['حركة حماس', 'حزب الله', 'الحوثيون', 'تنظيم الدولة', 'قوات الدعم السريع', 'الحشد الشعبي', 'حركة الجهاد الإسلامي', 'طالبان'];
const WORDS = 'قال أكد أعلن في من إلى على عن أن التي الذي مع بعد قبل خلال المحادثات الاتفاق الحكومة الوزير الرئيس الأمن الاقتصاد الحرب السلام الجولة الوفد الاجتماع المفاوضات الملف النووي العقوبات الدولية المنطقة الأزمة الشعب البرلمان الانتخابات القرار المساعدات الإنسانية الجيش الحدود'.split(' ');

interface PoolActor {
  name: string;
  type: ActorType;
  aliases: string[];
  role?: string;
}

function buildPool(random: () => number): PoolActor[] {
  const pool: PoolActor[] = [];
  for (const [name, aliases] of PLACES) pool.push({ name, type: 'LOC', aliases });
  for (const name of ORGS) pool.push({ name, type: 'ORG', aliases: [] });
  for (const name of GROUPS) pool.push({ name, type: 'GROUP', aliases: [name.split(' ').slice(1).join(' ') || name] });
  // People: first × last names, so surnames are shared by several people.
  for (const last of LAST) {
    for (const first of FIRST) {
      if (random() < 0.6) pool.push({ name: `${first} ${last}`, type: 'PERSON', aliases: [last], role: ROLES[Math.floor(random() * ROLES.length)]! });
    }
  }
  // Shuffle so that Zipf ranks mix types.
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool;
}

/** Zipf(s=1) sampler over ranks 0..n-1 via the cumulative weights. */
function zipfSampler(n: number, random: () => number): () => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (let r = 1; r <= n; r++) cumulative.push((sum += 1 / r));
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const SITES = ['aljazeera.net', 'alarabiya.net', 'bbc.com', 'skynewsarabia.com', 'france24.com', 'aawsat.com'];
const GRAINS: Array<[DateGrain, (y: number, m: number, d: number) => string]> = [
  ['day', (y, m, d) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`],
  ['month', (y, m) => `${y}-${String(m).padStart(2, '0')}`],
  ['year', (y) => `${y}`],
  ['part-of-month', (y, m) => `${y}-${String(m).padStart(2, '0')}-01/${y}-${String(m).padStart(2, '0')}-10`],
];

export function makeGenerator(seed: number) {
  const random = seededRandom(seed);
  const pool = buildPool(random);
  const pick = zipfSampler(pool.length, random);
  const word = () => WORDS[Math.floor(random() * WORDS.length)]!;

  return (n: number): { analysis: Analysis; url: string; readAt: number } => {
    const chosen = new Map<string, PoolActor>();
    while (chosen.size < 15) {
      const a = pool[pick()]!;
      chosen.set(a.name, a);
    }
    const parts: string[] = [];
    const actors: Actor[] = [];
    let offset = 0;
    const push = (s: string) => {
      const start = offset;
      parts.push(s);
      offset += s.length + 1;
      return { start, end: start + s.length, text: s };
    };
    for (let s = 0; s < 40; s++) push(Array.from({ length: 15 }, word).join(' ') + '.'); // ~600 words
    let i = 0;
    for (const a of chosen.values()) {
      i++;
      // A third of the people are named by surname only in this article (a bare name).
      const bare = a.type === 'PERSON' && random() < 0.33;
      const name = bare ? a.aliases[0]! : a.name;
      const aliases = bare ? [] : a.aliases.filter(() => random() < 0.7);
      const mentions = [name, ...aliases, name].map((m) => push(m));
      actors.push({
        id: `a${i}`,
        name,
        type: a.type,
        aliases,
        ...(a.role && random() < 0.5 ? { role: a.role, roles: [a.role] } : {}),
        mentions,
      });
    }
    const year = 2015 + Math.floor(random() * 10);
    const dates = Array.from({ length: 8 }, () => {
      const [grain, fmt] = GRAINS[Math.floor(random() * GRAINS.length)]!;
      const value = fmt(year - Math.floor(random() * 3), 1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28));
      return { ...push(value), value, grain };
    });
    const events: StoryEvent[] = Array.from({ length: 6 }, (_, e) => {
      const date = dates[e]!;
      const span = push(`${Array.from({ length: 12 }, word).join(' ')}.`);
      const who = Array.from({ length: 1 + Math.floor(random() * 3) }, () => actors[Math.floor(random() * actors.length)]!.id);
      return { ...span, date: date.value, grain: date.grain, actors: [...new Set(who)], main: e === 0, score: 1 - e / 6 };
    });
    const text = parts.join(' ');
    return {
      analysis: {
        isArticle: true,
        lang: 'ar',
        title: `خبر رقم ${n}: ${Array.from({ length: 6 }, word).join(' ')}`,
        published: dates[0]!.value.slice(0, 4) + '-06-15',
        site: SITES[n % SITES.length]!,
        text,
        actors,
        dates,
        events,
        summary: [{ start: 0, end: 80, text: text.slice(0, 80) }],
      },
      url: `https://${SITES[n % SITES.length]}/news/${n}`,
      readAt: Date.UTC(2024, 0, 1) + n * 60_000,
    };
  };
}

