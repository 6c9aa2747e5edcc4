/**
 * Function words (normalised) that a title phrase or a name never crosses: prepositions,
 * complementisers, pronouns, speech verbs. Used by role extraction and the title rules.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'في', 'من', 'علي', 'الي', 'عن', 'مع', 'ان', 'انه', 'انها', 'قال', 'قالت', 'اكد', 'اكدت', 'حيث', 'بعد', 'قبل',
  'هو', 'هي', 'الذي', 'التي', 'او', 'ثم', 'لكن', 'كما', 'بين', 'عند', 'منذ', 'حتي', 'لدي', 'اما', 'فكان', 'كان',
  'هذا', 'هذه', 'ذلك', 'تلك', 'لا', 'لم', 'لن', 'قد', 'ما', 'اذا', 'كل', 'غير', 'خلال', 'ضد', 'نحو',
]);

/**
 * Normalisation folds ى into ي, so the preposition على and the name علي meet as `علي`; the
 * written form tells them apart (news spells the preposition with ى).
 */
export function isStopWord(norm: string, raw: string): boolean {
  if (!STOP_WORDS.has(norm)) return false;
  return !(norm === 'علي' && raw.endsWith('ي'));
}
