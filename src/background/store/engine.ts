/**
 * The write engine: everything that changes the timeline runs here inside ONE readwrite
 * transaction given by the caller, so a worker stopped mid-write leaves the old or the new state.
 * Functions never await anything but requests of that transaction (that would commit it early).
 */
import type { IDBPTransaction } from 'idb';
import type { Actor, Analysis } from '../../nlp/types';
import type { TimelineSchema } from './schema';
import type { ActorRecord, ArticleRecord, CorrectionRule, EventRecord, LocalActorRecord, MentionRecord } from './records';
import { dateValueDays, nameKey } from './keys';
import { resolveActor, RuleBook } from './resolve';
import { addTallies, applyLocal, emptyActor, localKeys, refreshDerived } from './tally';

export const ALL_STORES = ['articles', 'analyses', 'actors', 'mentions', 'events', 'rules', 'meta'] as const;
export type WriteTx = IDBPTransaction<TimelineSchema, (typeof ALL_STORES)[number][], 'readwrite'>;

/** Offsets kept per article actor: enough to highlight any real article, bounded for hostile ones. */
const MAX_OFFSETS_PER_LOCAL = 1_000;
/** Candidates fetched per lookup key; a common first name must not pull in thousands of actors. */
const MAX_CANDIDATES_PER_KEY = 64;

export function newId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

/** An analysis validated and hashed outside the transaction (hashing is async and would end it). */
export interface PreparedArticle {
  analysis: Analysis;
  url: string;
  canonicalUrl: string;
  readAt: number;
  textHash: string;
  /** Earliest read, when known (imports carry it). */
  firstReadAt?: number;
  urls?: string[];
}

export interface IngestResult {
  articleId: string;
  status: 'added' | 'updated';
  /** Analysis actor id (`a1`…) → timeline actor id. */
  actorIds: Record<string, string>;
}

/** Actors read or written in this transaction; the freshest copy wins over what an index returns. */
export type ActorCache = Map<string, ActorRecord>;

async function loadActor(tx: WriteTx, cache: ActorCache, id: string): Promise<ActorRecord | undefined> {
  const cached = cache.get(id);
  if (cached) return cached;
  const record = await tx.objectStore('actors').get(id);
  if (record) cache.set(id, record);
  return record;
}

async function saveActor(tx: WriteTx, cache: ActorCache, actor: ActorRecord): Promise<void> {
  refreshDerived(actor);
  cache.set(actor.id, actor);
  await tx.objectStore('actors').put(actor);
}

function actorRange(actorId: string): IDBKeyRange {
  // [actorId] sorts before every [actorId, n]; [actorId, []] after them (arrays sort above numbers).
  return IDBKeyRange.bound([actorId], [actorId, []]);
}

export async function mentionsOfActor(tx: WriteTx, actorId: string): Promise<MentionRecord[]> {
  return tx.objectStore('mentions').index('byActorSeen').getAll(actorRange(actorId));
}

/** Recomputes first/last seen from the remaining mentions (cheap: the index is ordered by seenAt). */
async function refreshSeen(tx: WriteTx, actor: ActorRecord): Promise<void> {
  const index = tx.objectStore('mentions').index('byActorSeen');
  const first = await index.openCursor(actorRange(actor.id), 'next');
  const last = await index.openCursor(actorRange(actor.id), 'prev');
  actor.firstSeen = first?.value.seenAt ?? Number.POSITIVE_INFINITY;
  actor.lastSeen = last?.value.seenAt ?? 0;
}

/**
 * Removes what an article contributed (mentions, events, spellings, roles, counts) and returns
 * the actors it touched; the caller deletes those left without articles once it is done.
 */
export async function removeArticleContributions(
  tx: WriteTx,
  articleId: string,
  cache: ActorCache,
): Promise<Set<string>> {
  const touched = new Set<string>();
  const mentions = await tx.objectStore('mentions').index('byArticle').getAll(articleId);
  for (const mention of mentions) {
    const actor = await loadActor(tx, cache, mention.actorId);
    await tx.objectStore('mentions').delete([mention.actorId, mention.articleId]);
    if (!actor) continue;
    for (const local of mention.locals) applyLocal(actor, local, -1);
    actor.articleCount = Math.max(0, actor.articleCount - 1);
    if (mention.seenAt <= actor.firstSeen || mention.seenAt >= actor.lastSeen) await refreshSeen(tx, actor);
    await saveActor(tx, cache, actor);
    touched.add(actor.id);
  }
  const eventKeys = await tx.objectStore('events').index('byArticle').getAllKeys(articleId);
  for (const key of eventKeys) await tx.objectStore('events').delete(key);
  return touched;
}

export async function deleteOrphans(tx: WriteTx, cache: ActorCache, ids: Iterable<string>): Promise<number> {
  let deleted = 0;
  for (const id of ids) {
    const actor = await loadActor(tx, cache, id);
    if (actor && actor.articleCount === 0) {
      await tx.objectStore('actors').delete(id);
      cache.delete(id);
      markDeleted(cache, id);
      deleted++;
    }
  }
  return deleted;
}

function eventActorDays(event: Pick<EventRecord, 'actorIds' | 'startDay' | 'id'>): Array<[string, number, string]> {
  return event.actorIds.map((a): [string, number, string] => [a, event.startDay, event.id]);
}

/**
 * Folds actor `gone` into `keep`: its mentions, events, spellings and counts move over, and
 * `gone` is deleted. Used by the reader's merge and when an article proves two actors one.
 */
export async function absorbActor(tx: WriteTx, cache: ActorCache, keep: ActorRecord, gone: ActorRecord): Promise<void> {
  if (keep.id === gone.id) return;
  const mentions = tx.objectStore('mentions');
  for (const mention of await mentionsOfActor(tx, gone.id)) {
    const existing = await mentions.get([keep.id, mention.articleId]);
    if (existing) {
      existing.locals.push(...mention.locals);
      await mentions.put(existing);
    } else {
      keep.articleCount++;
      await mentions.put({ ...mention, actorId: keep.id });
    }
    await mentions.delete([gone.id, mention.articleId]);
  }
  addTallies(keep.types, gone.types);
  addTallies(keep.names, gone.names);
  addTallies(keep.primaryNames, gone.primaryNames);
  addTallies(keep.roles, gone.roles);
  keep.firstSeen = Math.min(keep.firstSeen, gone.firstSeen);
  keep.lastSeen = Math.max(keep.lastSeen, gone.lastSeen);

  const events = tx.objectStore('events');
  for (const event of await events.index('byActor').getAll(gone.id)) {
    event.actorIds = [...new Set(event.actorIds.map((a) => (a === gone.id ? keep.id : a)))];
    event.actorDays = eventActorDays(event);
    await events.put(event);
  }
  await tx.objectStore('actors').delete(gone.id);
  cache.delete(gone.id);
  markDeleted(cache, gone.id);
  await saveActor(tx, cache, keep);
}

/** Re-derives an actor entirely from its mentions (after a split); deletes it when none are left. */
export async function rebuildActor(tx: WriteTx, cache: ActorCache, actorId: string): Promise<ActorRecord | undefined> {
  const actor = await loadActor(tx, cache, actorId);
  if (!actor) return undefined;
  const mentions = await mentionsOfActor(tx, actorId);
  if (mentions.length === 0) {
    await tx.objectStore('actors').delete(actorId);
    cache.delete(actorId);
    markDeleted(cache, actorId);
    return undefined;
  }
  const fresh = emptyActor(actor.id, actor.createdAt);
  fresh.name = actor.name;
  for (const mention of mentions) for (const local of mention.locals) applyLocal(fresh, local, 1);
  fresh.articleCount = mentions.length;
  fresh.firstSeen = mentions[0]!.seenAt;
  fresh.lastSeen = mentions[mentions.length - 1]!.seenAt;
  await saveActor(tx, cache, fresh);
  return fresh;
}

/** Points an article's events at the timeline actors its mentions now belong to. */
export async function remapArticleEvents(tx: WriteTx, articleId: string): Promise<void> {
  const localToActor = new Map<string, string>();
  for (const mention of await tx.objectStore('mentions').index('byArticle').getAll(articleId)) {
    for (const local of mention.locals) localToActor.set(local.localId, mention.actorId);
  }
  const events = tx.objectStore('events');
  for (const event of await events.index('byArticle').getAll(articleId)) {
    event.actorIds = [...new Set(event.localActorIds.flatMap((l) => localToActor.get(l) ?? []))];
    event.actorDays = eventActorDays(event);
    await events.put(event);
  }
}

export async function loadRules(tx: WriteTx): Promise<RuleBook> {
  return new RuleBook(await tx.objectStore('rules').getAll());
}

function toLocalRecord(actor: Actor): LocalActorRecord {
  const roles = [...new Set([...(actor.role ? [actor.role] : []), ...(actor.roles ?? [])])];
  return {
    localId: actor.id,
    name: actor.name,
    type: actor.type,
    aliases: [...new Set(actor.aliases.filter((a) => a && a !== actor.name))],
    roles,
    mentionCount: actor.mentions.length,
    offsets: actor.mentions.slice(0, MAX_OFFSETS_PER_LOCAL).map((m): [number, number] => [m.start, m.end]),
  };
}

/** Looks up the candidates for one article actor by its (rule-expanded) keys and, for bare names, by word. */
async function findCandidates(
  tx: WriteTx,
  cache: ActorCache,
  local: LocalActorRecord,
  keys: string[],
  rules: RuleBook,
): Promise<ActorRecord[]> {
  const byId = new Map<string, ActorRecord>();
  const actors = tx.objectStore('actors');
  const fullPerson = local.type === 'PERSON' && keys.some((k) => k.includes(' '));
  const own = new Set(keys);
  for (const key of rules.expand(keys)) {
    // A full name meets other actors only on a full name, a rule, or an actor known by bare
    // names alone (see resolveActor); skipping the rest keeps a shared surname from fetching
    // every person who bears it.
    const index = fullPerson && own.has(key) && !key.includes(' ') ? 'byBareKey' : 'byKey';
    for (const found of await actors.index(index).getAll(key, MAX_CANDIDATES_PER_KEY)) {
      byId.set(found.id, cache.get(found.id) ?? found);
    }
  }
  const bare = local.type === 'PERSON' && keys.every((k) => !k.includes(' '));
  if (bare) {
    // A bare surname may stand for a full name ending with it (`بايدن` → `جو بايدن`). Keys first:
    // most of those actors already came back by alias, and values are costly to read.
    for (const word of keys) {
      for (const id of await actors.index('byLastWord').getAllKeys(word, MAX_CANDIDATES_PER_KEY)) {
        if (byId.has(id)) continue;
        const found = await loadActor(tx, cache, id);
        if (found) byId.set(id, found);
      }
    }
  }
  // Actors merged away earlier in this transaction are gone even if an index answer predates it.
  return [...byId.values()].filter((a) => !cacheDeleted(cache, a.id));
}

const deletedMarker = new WeakMap<ActorCache, Set<string>>();
function cacheDeleted(cache: ActorCache, id: string): boolean {
  return deletedMarker.get(cache)?.has(id) ?? false;
}

export function newActorCache(): ActorCache {
  return new Map();
}

/** Stores one validated, hashed article: added, or updated in place when it is already known. */
export async function ingestInTx(tx: WriteTx, prepared: PreparedArticle, rules: RuleBook, now: number): Promise<IngestResult> {
  const { analysis, canonicalUrl } = prepared;
  const articles = tx.objectStore('articles');
  const existing =
    (await articles.index('byCanonicalUrl').get(canonicalUrl)) ?? (await articles.index('byTextHash').get(prepared.textHash));
  const articleId = existing?.id ?? newId('art');
  const readAt = Math.max(prepared.readAt, existing?.readAt ?? 0);
  const cache = newActorCache();

  // Re-reading an article keeps its actors' ids: remember which key went to which actor, then
  // take its old contribution out before adding the new one.
  const previous = new Map<string, string>();
  let touched = new Set<string>();
  if (existing) {
    for (const mention of await tx.objectStore('mentions').index('byArticle').getAll(articleId)) {
      // By main name only: an alias (a shared surname) could belong to another actor of the new version.
      for (const local of mention.locals) previous.set(nameKey(local.name), mention.actorId);
    }
    touched = await removeArticleContributions(tx, articleId, cache);
  }

  const localToActor: Record<string, string> = {};
  const mentions = tx.objectStore('mentions');
  for (const actor of analysis.actors) {
    const local = toLocalRecord(actor);
    const keys = localKeys(local);
    let target: ActorRecord | undefined;

    const previousId = previous.get(nameKey(local.name));
    if (previousId) {
      const candidate = await loadActor(tx, cache, previousId);
      if (candidate && !rules.forbids(keys, candidate.keys, canonicalUrl)) target = candidate;
    }
    if (!target) {
      const candidates = await findCandidates(tx, cache, local, keys, rules);
      const resolution = resolveActor(
        { type: local.type, keys, roles: local.roles.map(nameKey) },
        candidates,
        rules,
        canonicalUrl,
      );
      if (resolution.kind === 'existing') {
        target = resolution.actor;
        for (const other of resolution.bridged) {
          await absorbActor(tx, cache, target, other);
          for (const [l, a] of Object.entries(localToActor)) if (a === other.id) localToActor[l] = target.id;
        }
      } else {
        target = emptyActor(newId('act'), now);
      }
    }

    const mention = await mentions.get([target.id, articleId]);
    if (mention) {
      mention.locals.push(local);
      await mentions.put(mention);
    } else {
      target.articleCount++;
      await mentions.put({ actorId: target.id, articleId, seenAt: readAt, locals: [local] });
    }
    applyLocal(target, local, 1);
    target.firstSeen = Math.min(target.firstSeen, readAt);
    target.lastSeen = Math.max(target.lastSeen, readAt);
    await saveActor(tx, cache, target);
    localToActor[local.localId] = target.id;
  }
  await deleteOrphans(tx, cache, touched);

  const events = tx.objectStore('events');
  let maxSpan = 0;
  for (const [index, event] of analysis.events.entries()) {
    // Validation guarantees the date parses.
    const days = dateValueDays(event.date)!;
    const id = `${articleId}#${index}`;
    const actorIds = [...new Set(event.actors.flatMap((l) => localToActor[l] ?? []))];
    maxSpan = Math.max(maxSpan, days.endDay - days.startDay);
    const record: EventRecord = {
      id,
      articleId,
      index,
      date: event.date,
      grain: event.grain,
      startDay: days.startDay,
      endDay: days.endDay,
      text: event.text,
      actorIds,
      localActorIds: [...event.actors],
      main: event.main ?? false,
      score: event.score ?? 0,
      site: analysis.site,
      actorDays: [],
    };
    record.actorDays = eventActorDays(record);
    await events.put(record);
  }
  const meta = tx.objectStore('meta');
  const span = await meta.get('maxSpanDays');
  if (!span || span.value < maxSpan) await meta.put({ key: 'maxSpanDays', value: maxSpan });

  const record: ArticleRecord = {
    id: articleId,
    canonicalUrl: existing?.canonicalUrl ?? canonicalUrl,
    url: prepared.url,
    urls: [...new Set([...(existing?.urls ?? []), ...(prepared.urls ?? []), prepared.url])],
    title: analysis.title,
    site: analysis.site,
    published: analysis.published,
    lang: analysis.lang,
    summary: analysis.summary.map((s) => s.text),
    textHash: prepared.textHash,
    readAt,
    firstReadAt: Math.min(existing?.firstReadAt ?? Number.POSITIVE_INFINITY, prepared.firstReadAt ?? prepared.readAt),
    updatedAt: now,
  };
  await articles.put(record);
  await tx.objectStore('analyses').put({ articleId, analysis });
  return { articleId, status: existing ? 'updated' : 'added', actorIds: localToActor };
}

function markDeleted(cache: ActorCache, id: string): void {
  let set = deletedMarker.get(cache);
  if (!set) deletedMarker.set(cache, (set = new Set()));
  set.add(id);
}

/** Keeps the reader's merge rules consistent with a new split (the newer decision wins). */
export function pruneMergeRules(rules: CorrectionRule[], detached: string[], remaining: string[]): CorrectionRule[] {
  const d = new Set(detached);
  const r = new Set(remaining);
  return rules.flatMap((rule): CorrectionRule[] => {
    if (rule.kind !== 'merge' || !rule.keys.some((k) => d.has(k)) || !rule.keys.some((k) => r.has(k))) return [rule];
    const keys = rule.keys.filter((k) => !d.has(k));
    return keys.length >= 2 ? [{ ...rule, keys }] : [];
  });
}

