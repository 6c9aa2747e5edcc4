/**
 * Cross-article actor resolution: which timeline actor (if any) an actor of a new article is.
 * Pure decisions over candidate records the store has already looked up by key, so the policy
 * can be read and tested on its own.
 */
import type { ActorType } from '../../nlp/types';
import type { ActorRecord, CorrectionRule } from './records';
import { keyTokens, nameKey } from './keys';
import { MINISTRY_ADJECTIVES } from '../../nlp/entities/triggers';

/** What the resolver knows about one actor of the article being ingested. */
export interface LocalActorKeys {
  type: ActorType;
  /** Normalised spellings (name first, then aliases). */
  keys: string[];
  /** Normalised roles. */
  roles: string[];
}

/** Union of the reader's merge rules: every key → all keys the reader said are the same actor. */
export class RuleBook {
  private readonly groups = new Map<string, Set<string>>();
  private readonly splits: Array<Extract<CorrectionRule, { kind: 'split' }>> = [];

  constructor(rules: readonly CorrectionRule[]) {
    for (const rule of rules) {
      if (rule.kind === 'split') {
        this.splits.push(rule);
        continue;
      }
      // Union the rule's keys with every group they already touch.
      const merged = new Set<string>(rule.keys);
      for (const key of rule.keys) for (const k of this.groups.get(key) ?? []) merged.add(k);
      for (const key of merged) this.groups.set(key, merged);
    }
  }

  /** The local keys plus every key a merge rule joins to them. */
  expand(keys: readonly string[]): string[] {
    const out = new Set(keys);
    for (const key of keys) for (const k of this.groups.get(key) ?? []) out.add(k);
    return [...out];
  }

  /** True when a merge rule joins one of `a` to one of `b`. */
  joined(a: readonly string[], b: readonly string[]): boolean {
    const bs = new Set(b);
    return a.some((key) => [...(this.groups.get(key) ?? [])].some((k) => bs.has(k)));
  }

  /** True when a split rule forbids an actor with keys `local` (from `canonicalUrl`) joining one with keys `other`. */
  forbids(local: readonly string[], other: readonly string[], canonicalUrl?: string): boolean {
    const ls = new Set(local);
    const os = new Set(other);
    return this.splits.some((rule) => {
      if (rule.canonicalUrl !== undefined && rule.canonicalUrl !== canonicalUrl) return false;
      if (!rule.detachedKeys.some((k) => ls.has(k)) || !rule.remainingKeys.some((k) => os.has(k))) return false;
      // An unscoped rule says "this spelling alone is someone else": an actor that also carries
      // one of the remaining spellings is still the original actor.
      return rule.canonicalUrl !== undefined || !rule.remainingKeys.some((k) => ls.has(k));
    });
  }
}

const ROLE_STOPWORDS = new Set(['في', 'من', 'علي', 'عن', 'الي', 'و', 'ال', 'او']);

/** Content words of a role, without the article prefix, so `الرئيس الأمريكي` and `رئيس` share `رييس`. */
export function roleWords(role: string): string[] {
  return keyTokens(nameKey(role))
    .map((w) => (w.startsWith('ال') && w.length > 3 ? w.slice(2) : w))
    .filter((w) => w.length > 1 && !ROLE_STOPWORDS.has(w));
}

function rolesAgree(a: readonly string[], b: readonly string[]): boolean | undefined {
  if (a.length === 0 || b.length === 0) return undefined;
  const words = new Set(a.flatMap(roleWords));
  return b.flatMap(roleWords).some((w) => words.has(w));
}

export function isPersonActor(record: Pick<ActorRecord, 'types'>): boolean {
  const person = record.types.PERSON ?? 0;
  const other = Object.entries(record.types).reduce((n, [t, c]) => (t === 'PERSON' ? n : n + c), 0);
  return person > other;
}

const multiWord = (keys: readonly string[]) => keys.filter((k) => k.includes(' '));

/**
 * A ministry named by its portfolio alone (وزارة الخارجية, وزارة الموارد المائية) is a different body in
 * each country's news: that spelling alone is no evidence that two articles speak of one actor.
 * With its country (وزارة الخارجية الأمريكية) it is.
 */
function isGenericInstitution(key: string): boolean {
  const tokens = keyTokens(key);
  if (tokens.length < 2 || tokens[0] !== 'وزاره') return false;
  // Named with its country: it ends on an adjective in ية that no portfolio takes (الامريكيه).
  const last = tokens[tokens.length - 1]!;
  return !(tokens.length >= 3 && last.endsWith('يه') && !MINISTRY_ADJECTIVES.has(last));
}

/**
 * Two people's full names disagree when neither full name's words contain the other's
 * (`جو بايدن` vs `هانتر بايدن`), while `جو بايدن` and `جو روبينيت بايدن` agree.
 */
export function fullNamesDisagree(a: readonly string[], b: readonly string[]): boolean {
  const fa = multiWord(a);
  const fb = multiWord(b);
  if (fa.length === 0 || fb.length === 0) return false;
  const within = (x: string, y: string) => {
    const ys = new Set(keyTokens(y));
    return keyTokens(x).every((t) => ys.has(t));
  };
  return !fa.some((x) => fb.some((y) => within(x, y) || within(y, x)));
}

function roleKeys(record: ActorRecord): string[] {
  return Object.keys(record.roles);
}

export type Resolution =
  | { kind: 'existing'; actor: ActorRecord; /** Other actors this local proves to be the same one. */ bridged: ActorRecord[] }
  | { kind: 'new' };

/** How strongly a candidate matches: 0 = not at all; strong matches can also bridge actors. */
interface Match {
  actor: ActorRecord;
  strong: boolean;
  /** Evidence good enough to fold this actor into the chosen one (not a bare surname). */
  bridgeable: boolean;
  sharedKeys: number;
  roleAgreement: boolean | undefined;
}

/**
 * Chooses the timeline actor for one article actor among the candidates found by its keys
 * (`byKey`) and, for a bare one-word person name, by word (`byToken`).
 *
 * - PERSON never joins a non-person (countries, parties and places may be tagged ORG/LOC/GROUP
 *   differently by different articles, so those join each other).
 * - A shared full name, a shared non-person spelling, or a reader's merge rule is strong evidence;
 *   strong candidates compatible with the chosen one are bridged into it.
 * - A bare one-word person name is weak evidence: it joins the actor with the most articles among
 *   the people it may be, if that one has at least twice the articles of the next, or if roles
 *   single one out; otherwise it stays a separate actor (ambiguous).
 * - Full names that disagree, roles that disagree (for bare names), and the reader's split rules veto.
 */
export function resolveActor(
  local: LocalActorKeys,
  candidates: readonly ActorRecord[],
  rules: RuleBook,
  canonicalUrl: string,
): Resolution {
  const localIsPerson = local.type === 'PERSON';
  const localKeys = new Set(local.keys);
  const expanded = new Set(rules.expand(local.keys));
  const localFull = multiWord(local.keys).length > 0;
  const matches: Match[] = [];
  const seen = new Set<string>();

  for (const actor of candidates) {
    if (seen.has(actor.id)) continue;
    seen.add(actor.id);
    if (isPersonActor(actor) !== localIsPerson) continue;
    if (rules.forbids(local.keys, actor.keys, canonicalUrl)) continue;
    const byRule = rules.joined(local.keys, actor.keys);
    const shared = actor.keys.filter((k) => localKeys.has(k) && (localIsPerson || !isGenericInstitution(k)));
    const sharedViaRule = actor.keys.filter((k) => expanded.has(k)).length;
    if (!byRule && localIsPerson && fullNamesDisagree(local.keys, actor.keys)) continue;
    const roleAgreement = rolesAgree(local.roles, roleKeys(actor));
    const strong =
      byRule ||
      shared.some((k) => k.includes(' ')) ||
      (!localIsPerson && shared.length > 0) ||
      // Bare name meets a bare-name actor with the same spelling (nothing more to disambiguate).
      (localIsPerson && shared.length > 0 && multiWord(actor.keys).length === 0);
    // A bare name is a weak identity: a stated role that disagrees outweighs the shared spelling.
    if (!byRule && localIsPerson && !localFull && roleAgreement === false) continue;
    if (!strong && localFull) {
      // A full name only meets this actor on a shared word or bare alias: not enough.
      continue;
    }
    const bridgeable = byRule || shared.some((k) => k.includes(' ')) || (!localIsPerson && shared.length > 0);
    matches.push({ actor, strong, bridgeable, sharedKeys: Math.max(shared.length, sharedViaRule), roleAgreement });
  }

  const byWeight = (a: Match, b: Match) =>
    b.sharedKeys - a.sharedKeys || b.actor.articleCount - a.actor.articleCount || a.actor.id.localeCompare(b.actor.id);

  const strong = matches.filter((m) => m.strong).sort(byWeight);
  const chosen = strong[0];
  if (chosen) {
    const bridged = strong
      .slice(1)
      .filter((m) => m.bridgeable && chosen.bridgeable)
      .map((m) => m.actor)
      .filter(
        (other) =>
          !(localIsPerson && fullNamesDisagree(chosen.actor.keys, other.keys) && !rules.joined(chosen.actor.keys, other.keys)) &&
          !rules.forbids(other.keys, chosen.actor.keys) &&
          !rules.forbids(chosen.actor.keys, other.keys),
      );
    return { kind: 'existing', actor: chosen.actor, bridged };
  }

  const weak = matches.sort((a, b) => b.actor.articleCount - a.actor.articleCount || a.actor.id.localeCompare(b.actor.id));
  const agreeing = weak.filter((m) => m.roleAgreement === true);
  if (agreeing.length === 1) return { kind: 'existing', actor: agreeing[0]!.actor, bridged: [] };
  const [first, second] = weak;
  if (first && (!second || first.actor.articleCount >= 2 * second.actor.articleCount)) {
    return { kind: 'existing', actor: first.actor, bridged: [] };
  }
  return { kind: 'new' };
}
