import { describe, expect, it } from 'vitest';
import { ACTOR_TYPES } from '../../src/common/settings';
import { clipText, readingMinutes } from '../../src/ui/components/format';
import { createTranslator, resolveViewLanguage } from '../../src/ui/components/i18n';
import { DARK_PALETTE, LIGHT_PALETTE, contrastRatio, type ThemePalette } from '../../src/ui/components/palette';
import { STRINGS, type MessageKey } from '../../src/ui/components/strings';

/** Every text colour of a theme against every background it is drawn on. */
function textPairs(palette: ThemePalette): Array<[string, string, string]> {
  const pairs: Array<[string, string, string]> = [];
  for (const background of ['background', 'surface'] as const) {
    for (const foreground of ['text', 'mutedText', 'accent', 'danger'] as const) {
      pairs.push([`${foreground} on ${background}`, palette[foreground], palette[background]]);
    }
  }
  pairs.push(['onAccent on accent', palette.onAccent, palette.accent]);
  for (const type of ACTOR_TYPES) pairs.push([`${type} badge`, palette.badges[type].text, palette.badges[type].fill]);
  return pairs;
}

describe('theme palettes', () => {
  for (const [name, palette] of [['light', LIGHT_PALETTE], ['dark', DARK_PALETTE]] as const) {
    it(`has contrast of at least 4.5:1 for all text in the ${name} theme`, () => {
      const failing = textPairs(palette).filter(([, foreground, background]) => contrastRatio(foreground, background) < 4.5);
      expect(failing.map(([label, foreground, background]) => `${label}: ${contrastRatio(foreground, background).toFixed(2)}`)).toEqual([]);
    });
  }

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe('UI strings', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

  it('has every key in both languages with the same placeholders', () => {
    const keys = Object.keys(STRINGS.en) as MessageKey[];
    expect(Object.keys(STRINGS.ar).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(STRINGS.ar[key].trim(), key).not.toBe('');
      expect(placeholders(STRINGS.ar[key]), key).toEqual(placeholders(STRINGS.en[key]));
    }
  });

  it('fills placeholders, formatting numbers for the language', () => {
    expect(createTranslator('en').t('statsLine', { articles: 10000, actors: 3, events: 60000 })).toBe('Articles: 10,000 · actors: 3 · events: 60,000');
    expect(createTranslator('ar').t('showAll', { count: 200 })).toBe('عرض الكل (200)');
    expect(createTranslator('ar').direction).toBe('rtl');
  });

  it('uses the chosen language, else the browser’s', () => {
    expect(resolveViewLanguage('auto', 'ar-SA')).toBe('ar');
    expect(resolveViewLanguage('auto', 'fr-FR')).toBe('en');
    expect(resolveViewLanguage('en', 'ar')).toBe('en');
    expect(resolveViewLanguage('ar', 'en-US')).toBe('ar');
  });
});

describe('reading time', () => {
  it('counts words at 200 a minute, at least one minute for any text', () => {
    expect(readingMinutes('')).toBe(0);
    expect(readingMinutes('كلمة')).toBe(1);
    expect(readingMinutes(Array.from({ length: 1000 }, () => 'كلمة').join(' '))).toBe(5);
  });
});

describe('clipped labels', () => {
  it('cut long text with an ellipsis and never split an emoji in two', () => {
    expect(clipText('قصير', 10)).toBe('قصير');
    expect(clipText('abcdefghij', 4)).toBe('abcd…');
    // '😀' is two code units; cutting after its first would leave a lone surrogate in an aria-label.
    const clipped = clipText('abc😀def', 4);
    expect(clipped).toBe('abc…');
    expect(clipText('ab😀def', 4)).toBe('ab😀…');
  });
});
