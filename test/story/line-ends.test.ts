import { describe, expect, it } from 'vitest';
import { lastBeforeClosers, lineTerminated } from '../../src/nlp/story/sentences';
import { isSpaceUnit } from '../../src/nlp/text/letters';

// Line ends are read backwards by code units; these hold them to the regexes they replace.
describe('line ends', () => {
  it('isSpaceUnit is the regex class \\s on every BMP code unit', () => {
    for (let c = 0; c < 0x10000; c++) expect(isSpaceUnit(c), c.toString(16)).toBe(/\s/.test(String.fromCharCode(c)));
  });

  it('lineTerminated and lastBeforeClosers agree with their regexes on random lines', () => {
    const units = ['ا', 'ب', ' ', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '.', '!', '?', '؟', '؛', '…', ':', '»', '”', '"', "'", ')', ']', '«', '(', '،', 'a', '1', '\ud83d', '\ude00', '\n'];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let k = 0; k < 5000; k++) {
      let line = '';
      const n = Math.floor(next() * 8);
      for (let i = 0; i < n; i++) line += units[Math.floor(next() * units.length)];
      expect(lineTerminated(line), JSON.stringify(line)).toBe(/[.!?؟؛…:»”"')\]]\s*$/u.test(line));
      expect(lastBeforeClosers(line), JSON.stringify(line)).toBe(line.replace(/[\s»”"')\]]+$/u, '').slice(-1));
    }
  });
});
