/**
 * How each actor type looks on the page. Colours follow the Okabe–Ito palette, which stays distinguishable for the
 * common colour-vision deficiencies; each type also has its own underline style, so type never rests on colour alone.
 * The background is a translucent tint of the same hue: it darkens light pages and lightens dark ones just enough,
 * and the page's own text colour is kept, so contrast stays the site's.
 */
import { ACTOR_TYPES, DEFAULT_COLORS } from '../../common/settings';
import type { ActorType } from '../../nlp/types';

export { ACTOR_TYPES };

/** Names in the page's highlight registry; prefixed so they cannot collide with the site's own highlights. */
export const HIGHLIGHT_NAMES: Readonly<Record<ActorType, string>> = {
  PERSON: 'anl-person',
  ORG: 'anl-org',
  LOC: 'anl-loc',
  GROUP: 'anl-group',
};

export type HighlightColours = Readonly<Record<ActorType, string>>;

/** The settings' defaults (Okabe–Ito vermillion, blue, bluish green, reddish purple). */
export const DEFAULT_COLOURS: HighlightColours = DEFAULT_COLORS;

export const UNDERLINE_STYLES: Readonly<Record<ActorType, 'solid' | 'double' | 'dotted' | 'wavy'>> = {
  PERSON: 'solid',
  ORG: 'double',
  LOC: 'dotted',
  GROUP: 'wavy',
};

/** Only plain hex colours: whatever settings hold ends up in a stylesheet and must not be able to inject rules. */
const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export function isSafeColour(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOUR.test(value);
}

/** The defaults, overridden by every valid colour the settings give. */
export function resolveColours(preferred?: Partial<Record<ActorType, unknown>>): HighlightColours {
  const colours: Record<ActorType, string> = { ...DEFAULT_COLOURS };
  for (const type of ACTOR_TYPES) {
    const wanted = preferred?.[type];
    if (isSafeColour(wanted)) colours[type] = wanted;
  }
  return colours;
}

/** The `::highlight()` rules for all types. */
export function highlightCss(colours: HighlightColours): string {
  return ACTOR_TYPES.map((type) => {
    const colour = colours[type];
    return (
      `::highlight(${HIGHLIGHT_NAMES[type]}) {` +
      ` background-color: color-mix(in srgb, ${colour} 22%, transparent);` +
      ` text-decoration: underline ${UNDERLINE_STYLES[type]} ${colour};` +
      ' text-decoration-thickness: 2px; }'
    );
  }).join('\n');
}
