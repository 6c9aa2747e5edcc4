/**
 * Mention and role display forms collapse runs of white space to one space; `collapseSpaces`
 * skips the regex where nothing would change and must give what the regex gives.
 */
import { describe, expect, it } from 'vitest';
import { collapseSpaces } from '../../src/nlp/entities/mentions';
import { isSpaceUnit } from '../../src/nlp/text/letters';

describe('collapseSpaces', () => {
  it('isSpaceUnit is \\s on every UTF-16 unit', () => {
    for (let c = 0; c < 0x10000; c++) expect(isSpaceUnit(c), c.toString(16)).toBe(/\s/.test(String.fromCharCode(c)));
  });

  it('equals replace(/\\s+/g, " ") on varied strings', () => {
    const samples = [
      '', ' ', '  ', 'a', 'الولايات المتحدة', 'الولايات  المتحدة', 'الولايات\nالمتحدة', ' جو بايدن ', 'وزيــر  الخارجية',
      'محمد\u00a0بن سلمان', 'a\tb', 'x \u200a y', '١٢٣ ٤٥٦', 'مُحَمَّد بْن', 'end ', ' start', 'a\r\nb', '\ufeffbom', 'Latin and عربي mixed',
    ];
    for (const s of samples) expect(collapseSpaces(s), JSON.stringify(s)).toBe(s.replace(/\s+/g, ' '));
  });
});
