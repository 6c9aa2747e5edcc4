/**
 * Readers for the NER corpora in ../shared/data/ner (never copied into the repo). Every corpus
 * comes out as sentences of (token, IOB2 label over PERS/ORG/LOC/MISC).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Sentence {
  tokens: string[];
  labels: string[];
}

/** ../shared/data relative to the repository root, whatever the working directory. */
export const SHARED_DATA = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'data');
export const NER_DIR = join(SHARED_DATA, 'ner');

export const CORPUS_FILES = {
  anercorpTrain: join(NER_DIR, 'anercorp', 'train.conll'),
  anercorpDev: join(NER_DIR, 'anercorp', 'dev.conll'),
  aqmarTrain: join(NER_DIR, 'aqmar', 'train.conll'),
  aqmarDev: join(NER_DIR, 'aqmar', 'dev.conll'),
  wojoodTrain: join(NER_DIR, 'wojood-sample', 'train.txt'),
  wojoodVal: join(NER_DIR, 'wojood-sample', 'val.txt'),
} as const;

export function requireFile(path: string): string {
  if (!existsSync(path)) throw new Error(`missing ${path} (the shared data folder ../shared/data is not here)`);
  return readFileSync(path, 'utf8');
}

/** AQMAR writes PER and MIS where ANERcorp writes PERS and MISC. */
const TYPE_ALIASES: Record<string, string> = { PER: 'PERS', PERS: 'PERS', MIS: 'MISC', MISC: 'MISC', ORG: 'ORG', LOC: 'LOC' };

/** Two-column CoNLL (token, tag); blank lines separate sentences. */
export function readConll(path: string): Sentence[] {
  const sentences: Sentence[] = [];
  let current: Sentence = { tokens: [], labels: [] };
  const flush = (): void => {
    if (current.tokens.length) sentences.push(current);
    current = { tokens: [], labels: [] };
  };
  for (const line of requireFile(path).split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/).filter(Boolean);
    if (fields.length === 0) {
      flush();
      continue;
    }
    const token = fields[0]!;
    const tag = fields.length > 1 ? fields[fields.length - 1]! : 'O';
    current.tokens.push(token);
    current.labels.push(mapTag(tag));
  }
  flush();
  return sentences;
}

function mapTag(tag: string): string {
  const m = /^([BI])-(\w+)$/.exec(tag);
  if (!m) return 'O';
  const type = TYPE_ALIASES[m[2]!];
  return type ? `${m[1]}-${type}` : 'O';
}

/**
 * Wojood's nested annotation, flattened onto our types where they map cleanly: PERS → PERS,
 * ORG → ORG, GPE and LOC → LOC. Everything else (OCC, NORP, DATE, EVENT …) has no clean
 * ANERcorp counterpart and is dropped, so an ORG nested in an OCC span survives. Where kept
 * spans overlap, the longest wins. The `$#$` separator tokens are removed.
 */
const WOJOOD_TYPES: Record<string, string> = { PERS: 'PERS', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC' };

export function readWojood(path: string): Sentence[] {
  const sentences: Sentence[] = [];
  let rows: { token: string; tags: string[] }[] = [];
  const flush = (): void => {
    rows = rows.filter((r) => r.token !== '$#$');
    if (rows.length) sentences.push(flattenWojood(rows));
    rows = [];
  };
  for (const line of requireFile(path).split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/).filter(Boolean);
    if (fields.length === 0) {
      flush();
      continue;
    }
    rows.push({ token: fields[0]!, tags: fields.slice(1) });
  }
  flush();
  return sentences;
}

function flattenWojood(rows: { token: string; tags: string[] }[]): Sentence {
  const spans: { start: number; end: number; type: string }[] = [];
  for (const source of Object.keys(WOJOOD_TYPES)) {
    let open: { start: number; end: number; type: string } | undefined;
    rows.forEach((row, i) => {
      if (row.tags.includes(`B-${source}`)) {
        open = { start: i, end: i + 1, type: WOJOOD_TYPES[source]! };
        spans.push(open);
      } else if (row.tags.includes(`I-${source}`) && open && open.end === i) {
        open.end = i + 1;
      } else {
        open = undefined;
      }
    });
  }
  spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const labels = rows.map(() => 'O');
  for (const s of spans) {
    let free = true;
    for (let i = s.start; i < s.end; i++) if (labels[i] !== 'O') free = false;
    if (!free) continue;
    for (let i = s.start; i < s.end; i++) labels[i] = `${i === s.start ? 'B' : 'I'}-${s.type}`;
  }
  return { tokens: rows.map((r) => r.token), labels };
}
