/**
 * Arabic letters as UTF-16 code units, for the scanners that read `charCodeAt` instead of
 * running a regex per token. One table, so two modules cannot spell the same letter two ways.
 */
export const ALEF = 0x0627;
export const BA = 0x0628;
export const TAA_MARBUTA = 0x0629;
export const TA = 0x062a;
export const FA = 0x0641;
export const KAF = 0x0643;
export const LAM = 0x0644;
export const MIM = 0x0645;
export const NUN = 0x0646;
export const HA = 0x0647;
export const WAW = 0x0648;
export const YA = 0x064a;
