/** Small helpers over count maps (spellings, roles, types) and the names derived from them. */
import type { ActorRecord, LocalActorRecord, Tally } from './records';
import { bareKeysOf, keysOf, keyTokens, lastWordsOf, nameKey, tokensOf } from './keys';

export function bump(tally: Tally, key: string, by: number): void {
  const next = (tally[key] ?? 0) + by;
  if (next > 0) tally[key] = next;
  else delete tally[key];
}

/** Adds (sign 1) or removes (sign -1) what one article actor contributes to a timeline actor. */
export function applyLocal(actor: ActorRecord, local: LocalActorRecord, sign: 1 | -1): void {
  bump(actor.types, local.type, sign);
  bump(actor.primaryNames, local.name, sign);
  for (const spelling of new Set([local.name, ...local.aliases])) bump(actor.names, spelling, sign);
  for (const role of new Set(local.roles)) bump(actor.roles, role, sign);
}

export function addTallies(into: Tally, from: Tally): void {
  for (const [k, n] of Object.entries(from)) bump(into, k, n);
}

/** Most used spelling first; ties go to the fuller (more words, then longer) form. */
export function ranked(tally: Tally): Array<{ value: string; count: number }> {
  return Object.entries(tally)
    .map(([value, count]) => ({ value, count }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        keyTokens(nameKey(b.value)).length - keyTokens(nameKey(a.value)).length ||
        b.value.length - a.value.length ||
        a.value.localeCompare(b.value),
    );
}

/** Recomputes the lookup keys and display name after the tallies changed. */
export function refreshDerived(actor: ActorRecord): void {
  actor.keys = keysOf(Object.keys(actor.names));
  actor.tokens = tokensOf(actor.keys);
  actor.lastWords = lastWordsOf(actor.keys);
  actor.bareKeys = bareKeysOf(actor.keys);
  actor.name = ranked(actor.primaryNames)[0]?.value ?? ranked(actor.names)[0]?.value ?? actor.name;
}

export function emptyActor(id: string, now: number): ActorRecord {
  return {
    id,
    name: '',
    types: {},
    names: {},
    primaryNames: {},
    roles: {},
    articleCount: 0,
    firstSeen: Number.POSITIVE_INFINITY,
    lastSeen: 0,
    createdAt: now,
    keys: [],
    tokens: [],
    lastWords: [],
    bareKeys: [],
  };
}

export function localKeys(local: Pick<LocalActorRecord, 'name' | 'aliases'>): string[] {
  return keysOf([local.name, ...local.aliases]);
}
