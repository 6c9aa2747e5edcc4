/**
 * Arabic letters as UTF-16 code units, for the scanners that read `charCodeAt` instead of
 * running a regex per token. One table, so two modules cannot spell the same letter two ways.
 */
export const ALEF = 0x0627;
export const BA = 0x0628;
/** ة is everywhere in Arabic and rare elsewhere (Persian and Urdu write ه / ۃ instead). */
export const TAA_MARBUTA = 0x0629;
export const TA = 0x062a;
export const SIN = 0x0633;
export const FA = 0x0641;
export const KAF = 0x0643;
export const LAM = 0x0644;
export const MIM = 0x0645;
export const NUN = 0x0646;
export const HA = 0x0647;
export const WAW = 0x0648;
export const YA = 0x064a;

/** A UTF-16 unit that `\s` matches (ECMAScript WhiteSpace and LineTerminator), without a regex. */
export function isSpaceUnit(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
