/**
 * What the extension highlights, read back as corpus tags: the tagger plus the mention rules of
 * `findMentions` (groups, title-announced persons, surnames spread through the text, gazetteer
 * places), mapped onto the corpus tokens so conlleval can score it beside the bare tagger.
 * PERSON → PERS and GROUP → ORG (ANERcorp labels); MISC is not a mention, so the tagger's MISC
 * tags are kept where no mention covers the token.
 */
import { findMentions, type NerModel } from '../../src/nlp/entities/index';

export function mentionTags(model: NerModel, sentences: readonly (readonly string[])[]): string[][] {
  const tags = model.tagDocument(sentences).map((labels) => labels.map((l) => (l.endsWith('-MISC') ? l : 'O')));
  // One text, as the page gives it: tokens joined by spaces, one sentence per line.
  const where: { start: number; end: number; sentence: number; token: number }[] = [];
  let text = '';
  sentences.forEach((tokens, sentence) => {
    tokens.forEach((t, token) => {
      if (token > 0) text += ' ';
      where.push({ start: text.length, end: text.length + t.length, sentence, token });
      text += t;
    });
    text += '\n';
  });
  let next = 0;
  for (const m of findMentions(model, text).mentions) {
    const type = m.type === 'PERSON' ? 'PERS' : m.type === 'LOC' ? 'LOC' : 'ORG';
    while (next < where.length && where[next]!.end <= m.start) next++;
    // Every corpus token the mention touches (a mention starts after its clitics, inside its first token).
    for (let k = next; k < where.length && where[k]!.start < m.end; k++) {
      tags[where[k]!.sentence]![where[k]!.token] = `${k === next ? 'B' : 'I'}-${type}`;
    }
  }
  return tags;
}
