import { describe, expect, it } from 'vitest';
import { Gazetteer, type GazetteerEntry, type GazetteerMatch } from '../../src/nlp/entities/gazetteer';
import { cliticCandidates, splitClitics, type FormFrequency } from '../../src/nlp/entities/clitics';
import { normalizeArabic } from '../../src/nlp/text/normalize';
import { seededRandom } from '../../src/nlp/entities/hash';

type Lists = Map<string, { tokens: string[]; entry: GazetteerEntry }[]>;

/** matchAt as first defined: every reading computed per call, in a Set of [word, split core, ...readings]. */
function plainMatchAt(g: Gazetteer, norms: readonly string[], i: number, frequency?: FormFrequency): GazetteerMatch | undefined {
  const byFirst = (g as unknown as { byFirst: Lists }).byFirst;
  const word = norms[i];
  if (word === undefined || !g.mayStartMatch(word)) return undefined;
  const readings = cliticCandidates(word).map((c) => c.core);
  const firsts = [word, splitClitics(word, frequency).core, ...readings];
  for (const first of new Set(firsts)) {
    const list = byFirst.get(first);
    if (!list) continue;
    for (const { tokens, entry } of list) {
      let ok = true;
      for (let k = 1; k < tokens.length; k++) {
        if (norms[i + k] !== tokens[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return { length: tokens.length, entry, firstToken: first };
    }
  }
  return undefined;
}

// Entries chosen so that one written word has several readings that start entries (وبلد: وبلد, بلد, لد).
const ENTRIES: GazetteerEntry[] = [
  { name: 'وبلد', kind: 'city' },
  { name: 'بلد', kind: 'country', code: 'XB' },
  { name: 'لد', kind: 'city' },
  { name: 'بلد الوليد', kind: 'city' },
  { name: 'الولايات المتحدة', kind: 'country', code: 'US' },
  { name: 'ولايات', kind: 'region' },
  { name: 'لبنان', kind: 'country', code: 'LB' },
  { name: 'بنان', kind: 'city' },
  { name: 'كابول', kind: 'city' },
  { name: 'ابول', kind: 'city' },
  { name: 'الامارات العربية المتحدة', kind: 'country', code: 'AE' },
  { name: 'Paris', kind: 'city' },
];

const WORDS = [
  'وبلد', 'بلد', 'لد', 'فبلد', 'وللد', 'للولايات', 'والولايات', 'الولايات', 'ولايات', 'وولايات', 'لبنان', 'ولبنان', 'بلبنان',
  'فلبنان', 'كابول', 'وكابول', 'بكابول', 'المتحدة', 'الوليد', 'العربية', 'والامارات', 'للامارات', 'Paris', 'وParis', '', 'و',
  'ل', 'بـلد', 'بَلد', 'ـ', '١٢', '12', 'بلد٣',
].map((w) => normalizeArabic(w));

describe('Gazetteer.matchAt (readings cached per word)', () => {
  it('finds what the plain definition finds, with and without frequencies', () => {
    const random = seededRandom(3);
    const frequencies: (FormFrequency | undefined)[] = [
      undefined,
      () => 0,
      (f) => f.length * 7,
      (f) => (f.startsWith('ب') ? 100 : f.length === 2 ? 50 : 1),
      (f) => Math.floor(f.charCodeAt(0) % 13),
    ];
    for (let trial = 0; trial < 3000; trial++) {
      const n = 1 + Math.floor(random() * 4);
      const norms = Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]!);
      const frequency = frequencies[trial % frequencies.length];
      // A fresh gazetteer now and then, so both cold and cached readings are compared.
      const g = new Gazetteer(ENTRIES);
      const reference = new Gazetteer(ENTRIES);
      for (let i = 0; i < n; i++) {
        expect(g.matchAt(norms, i, frequency)).toEqual(plainMatchAt(reference, norms, i, frequency));
        expect(g.matchAt(norms, i, frequency)).toEqual(plainMatchAt(reference, norms, i, frequency));
      }
    }
  });
});
