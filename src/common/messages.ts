/**
 * The one message schema of the extension: every request between content script, background and extension pages.
 *
 * Each message has a name (what it asks), a valibot schema for its payload (checked on receipt, because web pages and
 * other extensions can send anything), the kinds of sender allowed to ask it, and a response type.
 * To add a message: add an entry to MESSAGES and its response type to MessageResponses; the compiler then asks for its
 * handler wherever a router for that receiver is built (see createMessageRouter).
 *
 * This module has no browser import so it can be unit-tested in Node; src/common/messaging.ts does the sending.
 */
import * as v from 'valibot';
import type { Analysis } from '../nlp/types';
import type { ActorCard } from '../background/store/api';

/** Who sent a message: a content script in a web page, or one of our own pages (popup, options, timeline). */
export type SenderKind = 'contentScript' | 'extensionPage';

const MAX_ARTICLE_CHARS = 2_000_000;
const MAX_FIELD_CHARS = 4_096;

const shortText = v.pipe(v.string(), v.maxLength(MAX_FIELD_CHARS));
const isoDayOrEmpty = v.union([v.literal(''), v.pipe(v.string(), v.isoDate())]);
const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));

/** What the content script read from a page and sends for analysis. */
export const ArticleReadingSchema = v.object({
  url: v.pipe(v.string(), v.maxLength(MAX_FIELD_CHARS), v.url()),
  canonicalUrl: v.union([v.literal(''), v.pipe(v.string(), v.maxLength(MAX_FIELD_CHARS), v.url())]),
  title: shortText,
  /** YYYY-MM-DD in the site's local time, or '' when unknown. */
  published: isoDayOrEmpty,
  site: shortText,
  lang: v.pipe(v.string(), v.maxLength(35)),
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ARTICLE_CHARS)),
});
export type ArticleReading = v.InferOutput<typeof ArticleReadingSchema>;

interface MessageSpec {
  payload: v.GenericSchema;
  /** Sender kinds allowed to ask; anything else is dropped. */
  from: readonly SenderKind[];
}

/** Every message, by name. Payload schemas are strict objects: unknown keys are junk, not extensions. */
export const MESSAGES = {
  /** Liveness check; answers even right after the worker was restarted. */
  ping: { payload: v.strictObject({}), from: ['contentScript', 'extensionPage'] },
  /** Content script → background: analyse the article on this tab and remember the result for the tab. */
  analyzeArticle: {
    payload: v.strictObject({
      article: ArticleReadingSchema,
      /** True when detection said "not an article" and the reader asked to analyse it anyway: shown, never stored. */
      onRequestOnly: v.optional(v.boolean()),
    }),
    from: ['contentScript'],
  },
  /** Popup → background: the latest analysis kept for a tab. */
  getTabAnalysis: { payload: v.strictObject({ tabId }), from: ['extensionPage'] },
  /** Popup → content script of a tab: what the page looked like to the first look and the reader. */
  getPageStatus: { payload: v.strictObject({}), from: ['extensionPage'] },
  /**
   * Hover card → background: what the timeline knows about an actor of the article on this page.
   * `actorId` is the analysis' own id (`a1`…), resolved through the stored article; `name` is the fallback.
   */
  getActorCard: {
    payload: v.strictObject({
      name: shortText,
      actorId: v.optional(v.pipe(v.string(), v.maxLength(64))),
      articleUrl: v.optional(v.pipe(v.string(), v.maxLength(MAX_FIELD_CHARS))),
    }),
    from: ['contentScript', 'extensionPage'],
  },
  /** Card or popup → background: open the timeline page in a tab, on one actor when named. Pages cannot link to it. */
  openTimeline: { payload: v.strictObject({ name: v.optional(shortText) }), from: ['contentScript', 'extensionPage'] },
  /** Background (keyboard command) → content script of the active tab. */
  pageCommand: {
    payload: v.strictObject({ command: v.picklist(['toggle-highlights', 'next-mention', 'previous-mention']) }),
    from: ['extensionPage'],
  },
  /** Popup → content script: scroll to an actor's first mention and open its card. */
  revealActor: { payload: v.strictObject({ actorId: v.pipe(v.string(), v.maxLength(64)) }), from: ['extensionPage'] },
  /** Popup → content script: read and analyse this page even though detection turned it down. */
  analyzeAnyway: { payload: v.strictObject({}), from: ['extensionPage'] },
} as const satisfies Record<string, MessageSpec>;

export type MessageName = keyof typeof MESSAGES;
export type MessagePayload<N extends MessageName> = v.InferOutput<(typeof MESSAGES)[N]['payload']>;

export interface PingResponse {
  pong: true;
  /** When this worker instance started (ms since epoch): a change proves a restart. */
  workerStartedAt: number;
  /** Whether the NER model file loaded (false while it is not shipped yet or failed to parse). */
  modelLoaded: boolean | null;
}

export type TabAnalysisStatus = 'analyzed' | 'failed' | 'none';

export interface TabAnalysisResponse {
  status: TabAnalysisStatus;
  analysis: Analysis | null;
  /** Why the analysis failed, for status 'failed'. */
  error?: string;
  /** Ms since epoch. */
  updatedAt?: number;
  /** Set when the analysis could not be kept in the timeline (e.g. storage full); the analysis itself is fine. */
  storeError?: string;
}

/** The state of the content script on a page, as the popup sees it. */
export interface PageStatus {
  url: string;
  arabic: boolean;
  /** Readers' verdict; null until the reader ran (non-Arabic pages never run it). */
  isArticle: boolean | null;
  reason: string;
  /** Set once the article was sent for analysis and answered. */
  analyzed: boolean;
}

export interface MessageResponses {
  ping: PingResponse;
  analyzeArticle: Analysis;
  getTabAnalysis: TabAnalysisResponse;
  getPageStatus: PageStatus;
  getActorCard: ActorCard | null;
  openTimeline: { opened: true };
  pageCommand: { done: boolean };
  revealActor: { revealed: boolean };
  analyzeAnyway: PageStatus;
}

/** What goes over the wire. `channel` keeps our traffic apart from other senders' messages. */
export const MESSAGE_CHANNEL = 'arabic-news-lens';
export interface WireRequest<N extends MessageName = MessageName> {
  channel: typeof MESSAGE_CHANNEL;
  name: N;
  payload: MessagePayload<N>;
}
/** Replies carry errors as values: a rejected promise across the message port loses its message in some browsers. */
export type WireReply<N extends MessageName = MessageName> =
  | { ok: true; value: MessageResponses[N] }
  | { ok: false; error: string };

const EnvelopeSchema = v.object({
  channel: v.literal(MESSAGE_CHANNEL),
  name: v.picklist(Object.keys(MESSAGES) as MessageName[]),
  payload: v.unknown(),
});

/** The parts of runtime.MessageSender we rely on (structurally compatible with webextension-polyfill's type). */
export interface MessageSenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export interface ReceiverIdentity {
  /** runtime.id */
  extensionId: string;
  /** runtime.getURL(''), e.g. `chrome-extension://<id>/` */
  extensionOrigin: string;
}

/** Classifies a sender, or returns null for one that is not this extension. */
export function classifySender(sender: MessageSenderInfo, me: ReceiverIdentity): SenderKind | null {
  if (sender.id !== me.extensionId) return null;
  // Checked before `tab`: an extension page opened in a tab also has a tab.
  if (sender.url !== undefined && sender.url.startsWith(me.extensionOrigin)) return 'extensionPage';
  if (sender.tab?.id !== undefined && sender.tab.id >= 0) return 'contentScript';
  return null;
}

export type ValidatedRequest = {
  [N in MessageName]: { name: N; payload: MessagePayload<N>; senderKind: SenderKind };
}[MessageName];

export type Validation = { ok: true; request: ValidatedRequest } | { ok: false; reason: string };

/** Checks a received message: our channel, a known name, an allowed sender, a payload that matches its schema. */
export function validateRequest(message: unknown, sender: MessageSenderInfo, me: ReceiverIdentity): Validation {
  const envelope = v.safeParse(EnvelopeSchema, message);
  if (!envelope.success) return { ok: false, reason: `not a message of ours: ${v.summarize(envelope.issues)}` };
  const { name, payload } = envelope.output;
  const senderKind = classifySender(sender, me);
  if (senderKind === null) return { ok: false, reason: `${name}: sender is not this extension` };
  const spec: MessageSpec = MESSAGES[name];
  if (!spec.from.includes(senderKind)) return { ok: false, reason: `${name}: not accepted from a ${senderKind}` };
  const parsed = v.safeParse(spec.payload, payload);
  if (!parsed.success) return { ok: false, reason: `${name}: bad payload: ${v.summarize(parsed.issues)}` };
  return { ok: true, request: { name, payload: parsed.output, senderKind } as ValidatedRequest };
}

/** What a handler knows about who asked. */
export interface RequestContext {
  senderKind: SenderKind;
  /** The sending tab, for content-script messages. */
  tabId?: number;
  /** The sending page's URL. */
  url?: string;
}

export type MessageHandler<N extends MessageName> = (
  payload: MessagePayload<N>,
  context: RequestContext,
) => MessageResponses[N] | Promise<MessageResponses[N]>;

export type MessageHandlers<N extends MessageName> = { [K in N]: MessageHandler<K> };

/**
 * A runtime.onMessage listener that validates, checks the sender and dispatches to `handlers`.
 * Invalid or unauthorised messages, and messages this receiver has no handler for, are dropped with a warning:
 * the listener returns undefined, so another listener (or nobody) answers, and nothing is thrown.
 */
export function createMessageRouter<N extends MessageName>(
  handlers: MessageHandlers<N>,
  me: ReceiverIdentity | (() => ReceiverIdentity),
  warn: (text: string) => void = (text) => console.warn(`[arabic-news-lens] ${text}`),
): (message: unknown, sender: MessageSenderInfo) => Promise<WireReply> | undefined {
  return (message, sender) => {
    try {
      const identity = typeof me === 'function' ? me() : me;
      const checked = validateRequest(message, sender, identity);
      if (!checked.ok) {
        warn(`dropped a message: ${checked.reason}`);
        return undefined;
      }
      const { name, payload, senderKind } = checked.request;
      if (!Object.hasOwn(handlers, name)) return undefined; // meant for another receiver
      const handler = (handlers as unknown as Record<string, MessageHandler<MessageName>>)[name] as MessageHandler<typeof name>;
      const context: RequestContext = { senderKind, tabId: sender.tab?.id, url: sender.url };
      return Promise.resolve()
        .then(() => handler(payload as never, context))
        .then(
          (value): WireReply => ({ ok: true, value }),
          (error: unknown): WireReply => ({ ok: false, error: describeError(error) }),
        );
    } catch (error) {
      warn(`message listener failed: ${describeError(error)}`);
      return undefined;
    }
  };
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'unknown error';
}
