/**
 * The must-pass demo: the article the project started from (../shared/samples/muscat-talks.txt,
 * read in place, never copied). Every actor of the story found and grouped, nothing from the
 * page furniture. The names below are expectations only: the recogniser knows none of them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadNerModelFromDisk, NER_MODEL_PATH } from '../../src/cli/loadModel';
import { recogniseActors } from '../../src/nlp/entities/index';
import { normalizeArabic } from '../../src/nlp/text/normalize';
import type { Actor, ActorType } from '../../src/nlp/types';

const SAMPLE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'samples', 'muscat-talks.txt');
const ready = existsSync(SAMPLE) && existsSync(NER_MODEL_PATH);
if (!existsSync(SAMPLE)) console.warn(`muscat demo skipped: ${SAMPLE} is absent (../shared not here)`);
if (!existsSync(NER_MODEL_PATH)) console.warn(`muscat demo skipped: no model at ${NER_MODEL_PATH}`);

const n = (s: string): string => normalizeArabic(s);

describe.skipIf(!ready)('muscat-talks.txt demo', () => {
  const text = ready ? readFileSync(SAMPLE, 'utf8') : '';
  const actors = ready ? recogniseActors(loadNerModelFromDisk(), text) : [];
  const forms = (a: Actor): string[] => [a.name, ...a.aliases].map(n);
  const find = (form: string, type: ActorType): Actor => {
    const hits = actors.filter((a) => forms(a).includes(n(form)));
    expect(hits, `one actor named ${form}`).toHaveLength(1);
    expect(hits[0]!.type, `${form} is ${type}`).toBe(type);
    return hits[0]!;
  };

  it('finds the places of the story, one actor each', () => {
    for (const place of ['إيران', 'عمان', 'مسقط', 'غزة', 'اليمن', 'العراق', 'سوريا', 'الأردن', 'البحر الأحمر']) {
      const hits = actors.filter((a) => a.type === 'LOC' && forms(a).some((f) => f === n(place) || f === n('سلطنة ' + place)));
      expect(hits, place).toHaveLength(1);
    }
  });

  it('groups أمريكا and الولايات المتحدة into one actor', () => {
    const us = find('الولايات المتحدة', 'LOC');
    expect(forms(us)).toContain(n('أمريكا'));
    expect(us.mentions.length).toBe(4);
  });

  it('finds the Yemeni factions as one GROUP', () => {
    const factions = find('الفصائل اليمنية', 'GROUP');
    expect(forms(factions)).toContain(n('فصائل اليمن'));
  });

  it('finds Ali Bagheri Kani with his roles', () => {
    const bagheri = find('علي باقري كاني', 'PERSON');
    expect(bagheri.role).toBe('نائب وزير الخارجية الإيراني');
    expect(bagheri.roles).toEqual(['نائب وزير الخارجية الإيراني', 'كبير المفاوضين النوويين']);
  });

  it('finds Brett McGurk with his role', () => {
    const mcgurk = find('بريت ماكغورك', 'PERSON');
    expect(forms(mcgurk)).toContain(n('ماكغورك'));
    expect(mcgurk.role).toBe('منسق الرئيس بايدن لشؤون الشرق الأوسط');
  });

  it('groups بايدن with جو بايدن, role from the title', () => {
    const biden = find('جو بايدن', 'PERSON');
    expect(biden.name).toBe('جو بايدن');
    expect(biden.aliases).toContain('بايدن');
    expect(biden.role).toBe('الرئيس الأمريكي');
  });

  it('finds the New York Times as an organisation', () => {
    find('نيويورك تايمز', 'ORG');
  });

  it('links Tehran and Washington to the countries whose governments they stand for', () => {
    const iran = find('إيران', 'LOC');
    const us = find('الولايات المتحدة', 'LOC');
    expect(find('طهران', 'LOC').standsFor).toBe(iran.id);
    expect(find('واشنطن', 'LOC').standsFor).toBe(us.id);
  });

  it('takes nothing from the page furniture', () => {
    const furniture = ['آخر الاخبارسياسة', 'تابعونا عبر فيسبوك', 'شاهد أيضاً', 'زر الذهاب إلى الأعلى'];
    for (const line of furniture) {
      const start = text.indexOf(line);
      expect(start, line).toBeGreaterThanOrEqual(0);
      const end = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
      for (const a of actors) for (const m of a.mentions) expect(m.start >= start && m.start < end, `${m.text} in "${line}"`).toBe(false);
    }
    const names = actors.flatMap(forms);
    for (const noise of ['المجر', 'بروكسل', 'فيسبوك']) expect(names).not.toContain(n(noise));
  });

  it('cuts every mention exactly out of the text, without attached clitics', () => {
    for (const a of actors) {
      for (const m of a.mentions) {
        expect(text.slice(m.start, m.end)).toBe(m.text);
        expect(m.text).not.toMatch(/^(و|وب|ب)(إيران|سوريا|العراق|الولايات|مسقط)/);
      }
    }
  });
});
