/**
 * The whole analysis per article over real news texts (../shared/data/texts/saudinewsnet-sample-300.jsonl):
 * median per article, the share of each stage (NER, dates, story = sentences + events + key
 * actors + summary), and, side by side in one run, the whole analysis of all texts against
 * chrono-node 2.10.3's Arabic parser (`chrono.ar.casual`, its Arabic locale) finding dates in
 * the same texts. The goal: the whole analysis no slower than the peer's date pass alone.
 * Both sides run in this process (the analysis as `analyze --batch` runs it per line, JSON
 * serialisation included; no pipe), interleaved by `compare`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chrono from 'chrono-node';
import { compare, formatComparison, formatMeasurement, measure, median, report, type BenchSuite } from './harness';
import { analyzeTextTimed, tellStory, type ArticleInput } from '../../src/nlp/analyze';
import { recogniseActors } from '../../src/nlp/entities/index';
import { findDates } from '../../src/nlp/dates/index';
import { loadAnalysisModel } from '../../src/cli/commands/analyze';
import { Stopwatch, now } from '../../src/nlp/stopwatch';

const TEXTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'data', 'texts', 'saudinewsnet-sample-300.jsonl');

function loadArticles(): ArticleInput[] {
  return readFileSync(TEXTS, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { content?: string; title?: string; date_extracted?: string })
    .filter((r) => typeof r.content === 'string' && r.content.trim())
    .map((r) => ({ text: r.content!, title: r.title ?? '', published: (r.date_extracted ?? '').slice(0, 10) || undefined }));
}

export const suite: BenchSuite = {
  name: 'analyze',
  skip: () => (existsSync(TEXTS) ? undefined : `${TEXTS} is absent`),
  async run() {
    const articles = loadArticles();
    const model = await loadAnalysisModel();
    const words = articles.reduce((a, x) => a + x.text.split(/\s+/).length, 0);

    // Per-article times and stage shares over three passes (the first warms up and is dropped).
    // Each call is also timed whole, JSON included, with a stopwatch charging every part of it,
    // so what lies outside the three stages (language, result object, JSON, the rest) shows too.
    const perArticle: number[] = [];
    const perArticleWhole: number[] = [];
    const stages = { ner: 0, dates: 0, story: 0 };
    const parts = new Map<string, number>();
    let whole = 0;
    for (let pass = 0; pass < 3; pass++) {
      for (const article of articles) {
        const watch = new Stopwatch();
        const t0 = now();
        const { analysis, times } = analyzeTextTimed(article, { model }, {}, watch);
        watch.reset();
        JSON.stringify(analysis);
        watch.lap('JSON');
        const t1 = now();
        if (pass === 0) continue;
        perArticle.push(times.ner + times.dates + times.story);
        perArticleWhole.push(t1 - t0);
        whole += t1 - t0;
        stages.ner += times.ner;
        stages.dates += times.dates;
        stages.story += times.story;
        for (const [part, ms] of Object.entries(watch.parts)) parts.set(part, (parts.get(part) ?? 0) + ms);
      }
    }
    const total = stages.ner + stages.dates + stages.story;
    const share = (x: number) => `${((100 * x) / total).toFixed(1)}%`;
    const ofWhole = (x: number) => `${((100 * x) / whole).toFixed(1).padStart(5)}%`;
    const timed = [...parts.values()].reduce((a, b) => a + b, 0);
    const passes = 2;
    const partLines = [...parts]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([part, ms]) => `  ${part.padEnd(46)} ${ofWhole(ms)}  ${(ms / passes).toFixed(1).padStart(7)} ms per pass`);
    const group = (prefix: string) => [...parts].filter(([p]) => p.startsWith(prefix)).reduce((a, [, ms]) => a + ms, 0);
    report(`analyze: ${articles.length} SaudiNewsNet articles (${words.toLocaleString('en')} words), per article`, [
      `${'whole analysis, median per article'.padEnd(48)} ${median(perArticle).toFixed(3)} ms  (p90 ${percentile(perArticle, 0.9).toFixed(3)} ms, n=${perArticle.length})`,
      `${'stage shares (NER / dates / story)'.padEnd(48)} ${share(stages.ner)} / ${share(stages.dates)} / ${share(stages.story)}`,
      `${'analyzeText + JSON, median per article'.padEnd(48)} ${median(perArticleWhole).toFixed(3)} ms  (p90 ${percentile(perArticleWhole, 0.9).toFixed(3)} ms; all texts ${(whole / passes).toFixed(1)} ms per pass)`,
      `${'shares of the whole call, JSON included'.padEnd(48)} NER ${ofWhole(group('ner:')).trim()} / dates ${ofWhole(group('dates')).trim()} / story ${ofWhole(group('story:')).trim()} / outside the three ${ofWhole(whole - group('ner:') - group('dates') - group('story:')).trim()}`,
      `every part (share of the whole call, ms per pass over all texts):`,
      ...partLines,
      `  ${'not inside any timed part'.padEnd(46)} ${ofWhole(whole - timed)}  ${((whole - timed) / passes).toFixed(1).padStart(7)} ms per pass`,
    ]);

    const r = await compare(
      {
        name: 'news-lens: whole analysis + JSON, all texts',
        // What `analyze --batch` does per line, minus the pipe: analyse and serialise.
        fn: () => {
          for (const a of articles) JSON.stringify(analyzeTextTimed(a, { model }).analysis);
        },
      },
      {
        name: 'chrono-node ar.casual: dates only',
        fn: () => {
          for (const a of articles) chrono.ar.casual.parse(a.text, a.published ? new Date(a.published + 'T12:00:00Z') : new Date());
        },
      },
      { runs: 7, warmup: 1, unitsPerRun: words, unit: 'words' },
    );
    report('analyze vs chrono-node Arabic dates, same texts, interleaved', formatComparison(r));

    // The same whole run timed alone (nothing interleaved), next to the sum of the per-article
    // parts above: tells a gap due to the interleaving (the peer's garbage and cache use landing
    // in our runs) or to load from one due to work outside the timed parts.
    const alone = await measure(
      'news-lens: whole analysis + JSON, alone',
      () => {
        for (const a of articles) JSON.stringify(analyzeTextTimed(a, { model }).analysis);
      },
      { runs: 7, warmup: 1, unitsPerRun: words, unit: 'words' },
    );
    report('the whole run alone, against the sum of its timed parts', [
      formatMeasurement(alone),
      `${'sum of the per-article parts (above), per pass'.padEnd(48)} ${(whole / passes).toFixed(1)} ms; the three stages alone ${(total / passes).toFixed(1)} ms`,
    ]);

    // The story stage alone (actors and dates computed beforehand) against the same peer pass.
    const prepared = articles.map((a) => {
      const reference = a.published ?? '2015-01-01';
      return { text: a.text, title: a.title ?? '', actors: recogniseActors(model, a.text), dates: findDates(a.text, reference), reference };
    });
    const s = await compare(
      {
        name: 'news-lens: story stage only, all texts',
        fn: () => {
          for (const p of prepared) tellStory(p);
        },
      },
      {
        name: 'chrono-node ar.casual: dates only',
        fn: () => {
          for (const a of articles) chrono.ar.casual.parse(a.text, a.published ? new Date(a.published + 'T12:00:00Z') : new Date());
        },
      },
      { runs: 11, warmup: 1, unitsPerRun: words, unit: 'words' },
    );
    report('story stage (sentences, events, key actors, summary) vs chrono-node Arabic dates', formatComparison(s));
  },
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}
