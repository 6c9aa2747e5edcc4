/**
 * The place gazetteer baked into the model: the platform's CLDR region names
 * (platformPlaces: every ISO 3166 code and UN M.49 area Node's ICU names in Arabic, plus small
 * tables), and CLDR's Arabic exemplar cities from the pinned cldr-dates-full package (Intl
 * exposes no city names).
 */
import { createRequire } from 'node:module';
import { platformPlaces, type GazetteerEntry } from '../../src/nlp/entities/gazetteer';

export function buildGazetteer(): GazetteerEntry[] {
  const entries = platformPlaces();
  const seen = new Set(entries.map((e) => e.name));
  for (const name of exemplarCities()) {
    if (seen.has(name)) continue;
    seen.add(name);
    entries.push({ name, kind: 'city' });
  }
  return entries;
}

interface ZoneTree {
  [key: string]: ZoneTree | string;
}

/** CLDR's Arabic exemplar city names (time-zone cities: مسقط, طهران, نيويورك …). */
function exemplarCities(): string[] {
  const require = createRequire(import.meta.url);
  const data = require('cldr-dates-full/main/ar/timeZoneNames.json') as {
    main: { ar: { dates: { timeZoneNames: { zone: ZoneTree } } } };
  };
  const out: string[] = [];
  const walk = (node: ZoneTree, path: string[]): void => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') {
        if (key === 'exemplarCity' && path[0] !== 'Etc' && /\p{Script=Arabic}/u.test(value)) out.push(value);
      } else {
        walk(value, [...path, key]);
      }
    }
  };
  walk(data.main.ar.dates.timeZoneNames.zone, []);
  return out.sort();
}
