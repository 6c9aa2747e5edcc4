/**
 * The colours of both themes, as data, so a unit test can check every text/background pair for WCAG contrast
 * (≥ 4.5:1) instead of trusting a stylesheet by eye.
 */
import type { ActorType } from '../../nlp/types';

export interface ThemePalette {
  background: string;
  surface: string;
  text: string;
  mutedText: string;
  border: string;
  accent: string;
  /** Text on an accent-filled button. */
  onAccent: string;
  danger: string;
  focus: string;
  /** Badge text and fill per actor type. */
  badges: Record<ActorType, { text: string; fill: string }>;
}

export const LIGHT_PALETTE: ThemePalette = {
  background: '#ffffff',
  surface: '#f3f4f6',
  text: '#1b1c1e',
  mutedText: '#4f5560',
  border: '#8a909a',
  accent: '#0b57d0',
  onAccent: '#ffffff',
  danger: '#b3261e',
  focus: '#0b57d0',
  badges: {
    PERSON: { text: '#8a1c17', fill: '#fde2e1' },
    ORG: { text: '#153e8a', fill: '#dbe8fd' },
    LOC: { text: '#1b5e31', fill: '#d9f2e0' },
    GROUP: { text: '#5b2386', fill: '#efe2fb' },
  },
};

export const DARK_PALETTE: ThemePalette = {
  background: '#16181b',
  surface: '#23262b',
  text: '#e9ebee',
  mutedText: '#b3b9c2',
  border: '#6f7782',
  accent: '#9ec1ff',
  onAccent: '#10213f',
  danger: '#ffb4ab',
  focus: '#9ec1ff',
  badges: {
    PERSON: { text: '#ffd9d5', fill: '#5a2320' },
    ORG: { text: '#d6e4ff', fill: '#1f3560' },
    LOC: { text: '#ccefd6', fill: '#1d4a2b' },
    GROUP: { text: '#ecdcfb', fill: '#46275f' },
  },
};

function channel(hex: string, offset: number): number {
  const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance of `#rrggbb`. */
export function relativeLuminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** WCAG 2 contrast ratio between two `#rrggbb` colours (1 to 21). */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

function variables(palette: ThemePalette): string {
  const lines = [
    `--anl-bg:${palette.background}`,
    `--anl-surface:${palette.surface}`,
    `--anl-text:${palette.text}`,
    `--anl-muted:${palette.mutedText}`,
    `--anl-border:${palette.border}`,
    `--anl-accent:${palette.accent}`,
    `--anl-on-accent:${palette.onAccent}`,
    `--anl-danger:${palette.danger}`,
    `--anl-focus:${palette.focus}`,
  ];
  for (const [type, colours] of Object.entries(palette.badges)) {
    lines.push(`--anl-${type}-text:${colours.text}`, `--anl-${type}-fill:${colours.fill}`);
  }
  return lines.join(';');
}

/** CSS custom properties for the themes: light by default, dark when chosen or when the browser prefers it. */
export function themeVariablesCss(): string {
  const dark = variables(DARK_PALETTE);
  // The page around the view (e.g. beyond a centred column) takes the theme's background too.
  return [
    `.anl-root{${variables(LIGHT_PALETTE)};color-scheme:light}`,
    `.anl-root[data-theme=dark]{${dark};color-scheme:dark}`,
    `@media (prefers-color-scheme: dark){.anl-root[data-theme=system]{${dark};color-scheme:dark}}`,
    `html:has(.anl-root){background:${LIGHT_PALETTE.background}}`,
    `html:has(.anl-root[data-theme=dark]){background:${DARK_PALETTE.background}}`,
    `@media (prefers-color-scheme: dark){html:has(.anl-root[data-theme=system]){background:${DARK_PALETTE.background}}}`,
  ].join('\n');
}
