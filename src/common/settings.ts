/**
 * The reader's settings: typed, with defaults and validation. Pure functions (parse, validate,
 * merge, site switch) plus a small SettingsStore over an injected storage area, so the same code
 * runs over `browser.storage.local` in the extension and over a fake in Node tests.
 * Nothing here imports webextension-polyfill.
 */
import * as v from 'valibot';
import type { ActorType } from '../nlp/types';

export const ACTOR_TYPES = ['PERSON', 'ORG', 'LOC', 'GROUP'] as const satisfies readonly ActorType[];
export type Theme = 'system' | 'light' | 'dark';
export type UiLanguage = 'auto' | 'ar' | 'en';

export interface Settings {
  /** Hostnames where the extension does nothing (a host also covers its subdomains). */
  disabledSites: string[];
  /** Highlight actors in articles at all. */
  highlights: boolean;
  /** Which actor types get highlighted. */
  highlightTypes: ActorType[];
  /** Highlight colour per type, `#RRGGBB`. */
  colors: Record<ActorType, string>;
  /** Hover time before an actor card opens. */
  cardDelayMs: number;
  theme: Theme;
  uiLanguage: UiLanguage;
}

/**
 * Colours from the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies).
 * Each has at least 3:1 contrast against both white and black, so a highlight stays visible on
 * light and dark pages alike (the yellow and sky blue of the palette do not, so they are not used).
 */
export const DEFAULT_COLORS: Readonly<Record<ActorType, string>> = Object.freeze({
  PERSON: '#D55E00', // vermillion
  ORG: '#0072B2', // blue
  LOC: '#009E73', // bluish green
  GROUP: '#CC79A7', // reddish purple
});

export const CARD_DELAY_RANGE = { min: 0, max: 5_000 } as const;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  disabledSites: [],
  highlights: true,
  highlightTypes: [...ACTOR_TYPES],
  colors: { ...DEFAULT_COLORS },
  cardDelayMs: 400,
  theme: 'system',
  uiLanguage: 'auto',
});

export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS) as Settings;
}

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

/**
 * A hostname as the switch stores it: lower case, no port, no trailing dot, IDN in punycode.
 * Accepts a bare hostname or a full URL. Returns undefined for anything that is not a host.
 */
export function normalizeHostname(input: string): string | undefined {
  const trimmed = input.trim();
  if (!trimmed) return undefined;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`).hostname;
    const clean = host.replace(/\.$/, '').toLowerCase();
    return clean && !clean.includes('..') ? clean : undefined;
  } catch {
    return undefined;
  }
}

const ColorSchema = v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #D55E00'));
const HostSchema = v.pipe(
  v.string(),
  v.check((s) => normalizeHostname(s) !== undefined, 'is not a hostname'),
  v.transform((s) => normalizeHostname(s)!),
);

/** What a caller may change; every field optional, each checked strictly. */
const PatchSchema = v.strictObject({
  disabledSites: v.optional(v.pipe(v.array(HostSchema), v.maxLength(10_000, 'has too many sites'))),
  highlights: v.optional(v.boolean()),
  highlightTypes: v.optional(v.array(v.picklist(ACTOR_TYPES, 'must be PERSON, ORG, LOC or GROUP'))),
  colors: v.optional(
    v.strictObject({
      PERSON: v.optional(ColorSchema),
      ORG: v.optional(ColorSchema),
      LOC: v.optional(ColorSchema),
      GROUP: v.optional(ColorSchema),
    }),
  ),
  cardDelayMs: v.optional(
    v.pipe(
      v.number(),
      v.integer('must be a whole number of milliseconds'),
      v.minValue(CARD_DELAY_RANGE.min),
      v.maxValue(CARD_DELAY_RANGE.max),
    ),
  ),
  theme: v.optional(v.picklist(['system', 'light', 'dark'])),
  uiLanguage: v.optional(v.picklist(['auto', 'ar', 'en'])),
});

export type SettingsPatch = Omit<Partial<Settings>, 'colors'> & { colors?: Partial<Record<ActorType, string>> };

/** Checks a change the UI asks for; throws a SettingsError naming the field and the problem. */
export function validateSettingsPatch(patch: unknown): SettingsPatch {
  const result = v.safeParse(PatchSchema, patch);
  if (!result.success) {
    const reasons = result.issues.slice(0, 5).map((i) => `${v.getDotPath(i) ?? '(root)'} ${i.message}`);
    throw new SettingsError(`Invalid settings: ${reasons.join('; ')}`);
  }
  return result.output as SettingsPatch;
}

const uniqueSorted = <T extends string>(xs: readonly T[]): T[] => [...new Set(xs)].sort();

/** A new Settings with the (already validated) patch applied; the inputs are left untouched. */
export function mergeSettings(base: Settings, patch: SettingsPatch): Settings {
  const next = structuredClone(base);
  if (patch.disabledSites) next.disabledSites = uniqueSorted(patch.disabledSites);
  if (patch.highlights !== undefined) next.highlights = patch.highlights;
  if (patch.highlightTypes) next.highlightTypes = ACTOR_TYPES.filter((t) => patch.highlightTypes!.includes(t));
  if (patch.colors) for (const t of ACTOR_TYPES) next.colors[t] = patch.colors[t]?.toUpperCase() ?? next.colors[t];
  if (patch.cardDelayMs !== undefined) next.cardDelayMs = patch.cardDelayMs;
  if (patch.theme) next.theme = patch.theme;
  if (patch.uiLanguage) next.uiLanguage = patch.uiLanguage;
  return next;
}

/**
 * Reads whatever is stored (maybe written by an older version, maybe damaged) into full Settings.
 * Lenient on purpose: a bad field falls back to its default and is reported, the good ones are kept,
 * so one damaged value never loses the reader's other choices.
 */
export function parseSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const settings = defaultSettings();
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings, problems: ['stored settings are not an object; using defaults'] };
  }
  const record = raw as Record<string, unknown>;
  let merged = settings;
  for (const key of Object.keys(PatchSchema.entries) as Array<keyof typeof PatchSchema.entries>) {
    if (!(key in record)) continue;
    let value = record[key];
    if (key === 'disabledSites' && Array.isArray(value)) {
      // Keep the valid hostnames of a partly damaged list.
      const valid = value.filter((h): h is string => typeof h === 'string' && normalizeHostname(h) !== undefined);
      if (valid.length !== value.length) problems.push(`disabledSites: dropped ${value.length - valid.length} invalid entries`);
      value = valid;
    }
    if (key === 'colors' && value && typeof value === 'object') {
      // Keep the valid colours, drop the others (and unknown types).
      const colors: Record<string, string> = {};
      for (const t of ACTOR_TYPES) {
        const c = (value as Record<string, unknown>)[t];
        if (c === undefined) continue;
        if (v.is(ColorSchema, c)) colors[t] = c;
        else problems.push(`colors.${t}: not a colour; using the default`);
      }
      value = colors;
    }
    try {
      merged = mergeSettings(merged, validateSettingsPatch({ [key]: value }));
    } catch (err) {
      problems.push(`${key}: ${err instanceof Error ? err.message.replace(/^Invalid settings: /, '') : String(err)}; using the default`);
    }
  }
  return { settings: merged, problems };
}

/** True when `hostname` or one of its parent domains is switched off. */
export function isSiteDisabled(settings: Pick<Settings, 'disabledSites'>, hostnameOrUrl: string): boolean {
  const host = normalizeHostname(hostnameOrUrl);
  if (!host) return false;
  return settings.disabledSites.some((off) => host === off || host.endsWith(`.${off}`));
}

export function withSiteEnabled(settings: Settings, hostnameOrUrl: string, enabled: boolean): Settings {
  const host = normalizeHostname(hostnameOrUrl);
  if (!host) throw new SettingsError(`Invalid settings: "${hostnameOrUrl}" is not a hostname`);
  const sites = enabled ? settings.disabledSites.filter((s) => s !== host) : [...settings.disabledSites, host];
  return mergeSettings(settings, { disabledSites: sites });
}

/** Whether an actor of this type should be highlighted on this page. */
export function shouldHighlight(settings: Settings, type: ActorType, hostnameOrUrl: string): boolean {
  return settings.highlights && settings.highlightTypes.includes(type) && !isSiteDisabled(settings, hostnameOrUrl);
}

// ---------- storage ----------

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

/** The part of `browser.storage.local` (or `.sync`) the settings need; a plain object fakes it in tests. */
export interface SettingsStorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  onChanged: {
    addListener(listener: (changes: Record<string, StorageChange>) => void): void;
    removeListener(listener: (changes: Record<string, StorageChange>) => void): void;
  };
}

export const SETTINGS_KEY = 'settings';

export class SettingsStore {
  constructor(
    private readonly area: SettingsStorageArea,
    private readonly key: string = SETTINGS_KEY,
  ) {}

  async load(): Promise<Settings> {
    const stored = await this.area.get(this.key);
    return parseSettings(stored[this.key]).settings;
  }

  /** Validates the change, applies it to what is stored, writes the whole result back. */
  async update(patch: unknown): Promise<Settings> {
    const valid = validateSettingsPatch(patch);
    const next = mergeSettings(await this.load(), valid);
    await this.area.set({ [this.key]: next });
    return next;
  }

  async setSiteEnabled(hostnameOrUrl: string, enabled: boolean): Promise<Settings> {
    const next = withSiteEnabled(await this.load(), hostnameOrUrl, enabled);
    await this.area.set({ [this.key]: next });
    return next;
  }

  async reset(): Promise<Settings> {
    const next = defaultSettings();
    await this.area.set({ [this.key]: next });
    return next;
  }

  /** Calls `listener` with the new settings whenever any context changes them; returns an unsubscribe. */
  subscribe(listener: (settings: Settings) => void): () => void {
    const onChanged = (changes: Record<string, StorageChange>) => {
      const change = changes[this.key];
      if (change) listener(parseSettings(change.newValue).settings);
    };
    this.area.onChanged.addListener(onChanged);
    return () => this.area.onChanged.removeListener(onChanged);
  }
}
