import { compare, formatComparison, report, type BenchSuite } from './harness';
import { tokenize } from '../../src/nlp/text/tokenize';

/** The tokenizer against a plain whitespace split of the same text, the cheapest possible baseline. */
export const suite: BenchSuite = {
  name: 'tokenize',
  async run() {
    const paragraph = 'قالت وزارة الخارجية الإيرانية، يوم الخميس 14 آذار/مارس 2024، إن المحادثات غير المباشرة مع واشنطن في مسقط «مستمرة». ';
    const text = paragraph.repeat(400);
    const words = text.split(/\s+/).length;
    const r = await compare(
      { name: 'tokenize (offsets, punctuation split)', fn: () => tokenize(text) },
      { name: 'baseline: String.split(/\\s+/)', fn: () => text.split(/\s+/) },
      { runs: 21, unitsPerRun: words, unit: 'words' },
    );
    report(`tokenize: ${words.toLocaleString('en')}-word text`, formatComparison(r));
  },
};
