/**
 * Prints the analysis of the bundled sample article (samples/sample-article.txt) for people, not machines:
 * `npm start` runs it after building both browser packages. `npx tsx scripts/show-sample.ts [FILE.txt]` for another text
 * (its metadata is read from FILE.json beside it when present).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeText } from '../src/nlp/analyze';
import { NER_MODEL_FILE, parseNerModel, type NerModel } from '../src/nlp/entities/index';
import type { Analysis } from '../src/nlp/types';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface SampleMeta {
  title?: string;
  published?: string;
  site?: string;
}

function loadModel(): { model: NerModel; note: string } {
  const path = join(root, 'public', NER_MODEL_FILE);
  if (!existsSync(path)) return { model: parseNerModel(new ArrayBuffer(0)), note: `no ${relative(root, path)} yet: built-in fallback` };
  const bytes = readFileSync(path);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return { model: parseNerModel(buffer), note: relative(root, path) };
}

/** Right-to-left text reads fine in most terminals as long as each item sits on its own line. */
function show(analysis: Analysis, modelNote: string): string {
  const lines: string[] = [];
  const names = new Map(analysis.actors.map((actor) => [actor.id, actor.name]));
  lines.push(`Title:     ${analysis.title}`, `Site:      ${analysis.site}`, `Published: ${analysis.published || 'unknown'}`, `Model:     ${modelNote}`, '');
  lines.push(`Actors (${analysis.actors.length})`);
  for (const actor of analysis.actors) {
    const role = actor.role ? ` — ${actor.role}` : '';
    const aliases = actor.aliases.length > 0 ? ` (also: ${actor.aliases.join('، ')})` : '';
    lines.push(`  ${actor.type.padEnd(6)} ${actor.name}${aliases}${role}  ×${actor.mentions.length}`);
  }
  lines.push('', `Dates (${analysis.dates.length})`);
  for (const date of analysis.dates) {
    const hijri = date.hijri ? `  hijri ${date.hijri}` : '';
    lines.push(`  ${date.value.padEnd(23)} ${date.grain.padEnd(13)} «${date.text}»${hijri}`);
  }
  lines.push('', `Events (${analysis.events.length})`);
  for (const event of analysis.events) {
    const who = event.actors.map((id) => names.get(id) ?? id).join('، ');
    lines.push(`  ${event.date.padEnd(23)} ${event.text}${who ? `  [${who}]` : ''}`);
  }
  lines.push('', `Summary (${analysis.summary.length})`);
  analysis.summary.forEach((sentence, index) => lines.push(`  ${index + 1}. ${sentence.text}`));
  return lines.join('\n') + '\n';
}

function main(): number {
  const file = process.argv[2] ?? join(root, 'samples', 'sample-article.txt');
  if (!existsSync(file)) {
    console.error(`show-sample: no such file: ${file}`);
    return 1;
  }
  const metaFile = file.replace(/\.txt$/, '.json');
  const meta: SampleMeta = existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')) as SampleMeta) : {};
  const text = readFileSync(file, 'utf8');
  const { model, note } = loadModel();
  const analysis = analyzeText({ text, title: meta.title, published: meta.published, site: meta.site }, { model });
  process.stdout.write(show(analysis, note));
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`show-sample failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
