import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadNerModelFromDisk, NER_MODEL_PATH } from '../../src/cli/loadModel';
import { recogniseActors } from '../../src/nlp/entities/index';
import { furnitureRanges } from '../../src/nlp/entities/furniture';
import type { Actor } from '../../src/nlp/types';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'entities');

function named(actors: Actor[], name: string): Actor {
  const actor = actors.find((a) => a.name === name || a.aliases.includes(name));
  if (!actor) throw new Error(`no actor ${name} among ${actors.map((a) => a.name).join(', ')}`);
  return actor;
}

describe.skipIf(!existsSync(NER_MODEL_PATH))('groups, roles and the fused article', () => {
  const text = readFileSync(join(FIXTURES, 'groups-and-roles.txt'), 'utf8');
  const actors = recogniseActors(loadNerModelFromDisk(), text);

  it('derives GROUP for movements and parties named as actors', () => {
    expect(named(actors, 'حماس').type).toBe('GROUP');
    expect(named(actors, 'حزب الله').type).toBe('GROUP');
  });

  it('keeps organisations that are not armed or political groups as ORG', () => {
    expect(named(actors, 'الأمم المتحدة').type).toBe('ORG');
    expect(named(actors, 'جامعة الدول العربية').type).toBe('ORG');
  });

  it('reads the title phrase before a name as its role', () => {
    expect(named(actors, 'أحمد أبو الغيط').role).toBe('الأمين العام لجامعة الدول العربية');
    expect(named(actors, 'فيصل بن فرحان').role).toBe('وزير الخارجية السعودي');
  });

  it('cuts ل+ال (للولايات) after the fused letters and restores the article in the name', () => {
    const us = named(actors, 'الولايات المتحدة');
    const mention = us.mentions[0]!;
    expect(mention.text).toBe('ولايات المتحدة');
    expect(text.slice(mention.start - 2, mention.start)).toBe('لل');
  });
});

describe('page furniture', () => {
  it('marks see-also, follow-us and back-to-top lines, not prose that starts alike', () => {
    const text = [
      'قال الوزير إن الاجتماع كان مثمرا.',
      'اقرأ أيضاً: الرئيس الفرنسي يزور الجزائر',
      'تابعونا على تويتر',
      'زر الذهاب إلى الأعلى',
      'شارك الرئيس في القمة التي عقدت في الرياض.',
    ].join('\n');
    const lines = furnitureRanges(text).map((r) => text.slice(r.start, r.end));
    expect(lines).toEqual(['اقرأ أيضاً: الرئيس الفرنسي يزور الجزائر', 'تابعونا على تويتر', 'زر الذهاب إلى الأعلى']);
  });

  it('takes a quoted name after a group word as a GROUP, named without the quotes or the group word', () => {
    const found = recogniseActors(loadNerModelFromDisk(), 'في المقابل، حذرت جماعة «لواء الفجر» المسلحة في بيان من أي اتفاق لا يشمل المعتقلين.');
    const group = named(found, 'لواء الفجر');
    expect(group.type).toBe('GROUP');
    expect(group.mentions[0]!.text).toBe('لواء الفجر');
  });
});
