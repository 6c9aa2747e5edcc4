import { describe, expect, it, vi } from 'vitest';
import {
  MESSAGE_CHANNEL,
  classifySender,
  createMessageRouter,
  validateRequest,
  type MessageSenderInfo,
  type ReceiverIdentity,
  type WireReply,
} from '../../src/common/messages';

const me: ReceiverIdentity = { extensionId: 'our-id', extensionOrigin: 'chrome-extension://our-id/' };
const contentScript: MessageSenderInfo = { id: 'our-id', url: 'https://news.example/a/1', tab: { id: 7 }, frameId: 0 };
const popup: MessageSenderInfo = { id: 'our-id', url: 'chrome-extension://our-id/src/ui/popup/index.html' };
const popupOpenedInATab: MessageSenderInfo = { ...popup, tab: { id: 9 } };
const otherExtension: MessageSenderInfo = { id: 'someone-else', url: 'chrome-extension://someone-else/x.html', tab: { id: 7 } };

const article = {
  url: 'https://news.example/a/1',
  canonicalUrl: '',
  title: 'عنوان',
  published: '2026-11-19',
  site: 'news.example',
  lang: 'ar',
  text: 'نص المقال',
};
const wire = (name: string, payload: unknown) => ({ channel: MESSAGE_CHANNEL, name, payload });

describe('classifySender', () => {
  it('tells content scripts from extension pages, even an extension page that sits in a tab', () => {
    expect(classifySender(contentScript, me)).toBe('contentScript');
    expect(classifySender(popup, me)).toBe('extensionPage');
    expect(classifySender(popupOpenedInATab, me)).toBe('extensionPage');
  });

  it('rejects other extensions and senders with neither a tab nor our origin', () => {
    expect(classifySender(otherExtension, me)).toBeNull();
    expect(classifySender({}, me)).toBeNull();
    expect(classifySender({ id: 'our-id', url: 'https://evil.example/' }, me)).toBeNull();
  });
});

describe('validateRequest', () => {
  it('accepts a well-formed analyzeArticle from a content script', () => {
    const result = validateRequest(wire('analyzeArticle', { article }), contentScript, me);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.request.name).toBe('analyzeArticle');
      expect(result.request.senderKind).toBe('contentScript');
    }
  });

  it.each([
    ['a string', 'hello'],
    ['null', null],
    ['a number', 42],
    ['an array', [MESSAGE_CHANNEL, 'ping']],
    ['another channel', { channel: 'other', name: 'ping', payload: {} }],
    ['an unknown name', wire('deleteEverything', {})],
    ['a prototype name', wire('toString', {})],
  ])('refuses junk: %s', (_label, junk) => {
    expect(validateRequest(junk, contentScript, me).ok).toBe(false);
  });

  it.each([
    ['text missing', { article: { ...article, text: undefined } }],
    ['empty text', { article: { ...article, text: '' } }],
    ['text of the wrong type', { article: { ...article, text: 12 } }],
    ['a published date that is not YYYY-MM-DD', { article: { ...article, published: '19/11/2026' } }],
    ['a url that is not a URL', { article: { ...article, url: 'not a url' } }],
    ['an unexpected key', { article, extra: 1 }],
    ['no article', {}],
  ])('refuses a malformed analyzeArticle: %s', (_label, payload) => {
    const result = validateRequest(wire('analyzeArticle', payload), contentScript, me);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^analyzeArticle: bad payload/);
  });

  it.each([
    ['a negative tab id', -1],
    ['a fractional tab id', 1.5],
    ['a string tab id', '3'],
  ])('refuses getTabAnalysis with %s', (_label, tabId) => {
    expect(validateRequest(wire('getTabAnalysis', { tabId }), popup, me).ok).toBe(false);
  });

  it('refuses messages from the wrong kind of sender', () => {
    // Only content scripts analyse; only extension pages read a tab's analysis.
    const fromPopup = validateRequest(wire('analyzeArticle', { article }), popup, me);
    expect(fromPopup).toEqual({ ok: false, reason: 'analyzeArticle: not accepted from a extensionPage' });
    expect(validateRequest(wire('getTabAnalysis', { tabId: 3 }), contentScript, me).ok).toBe(false);
    expect(validateRequest(wire('ping', {}), otherExtension, me)).toEqual({ ok: false, reason: 'ping: sender is not this extension' });
  });
});

describe('createMessageRouter', () => {
  const makeRouter = () => {
    const warnings: string[] = [];
    const analyze = vi.fn(async () => {
      throw new Error('model exploded');
    });
    const router = createMessageRouter(
      { ping: () => ({ pong: true as const, workerStartedAt: 1, modelLoaded: null }), analyzeArticle: analyze },
      me,
      (text) => warnings.push(text),
    );
    return { router, warnings, analyze };
  };

  it('answers a valid request with the handler result', async () => {
    const { router } = makeRouter();
    await expect(router(wire('ping', {}), popup)).resolves.toEqual({ ok: true, value: { pong: true, workerStartedAt: 1, modelLoaded: null } });
  });

  it('drops invalid messages with a warning and without calling a handler or throwing', () => {
    const { router, warnings, analyze } = makeRouter();
    expect(router(wire('analyzeArticle', { article: { ...article, text: 5 } }), contentScript)).toBeUndefined();
    expect(router(wire('ping', {}), otherExtension)).toBeUndefined();
    expect(router(undefined, contentScript)).toBeUndefined();
    expect(analyze).not.toHaveBeenCalled();
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/bad payload/);
  });

  it('leaves messages it has no handler for to other receivers, silently', () => {
    const { router, warnings } = makeRouter();
    expect(router(wire('getTabAnalysis', { tabId: 1 }), popup)).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('turns a failing handler into an error reply the sender can read', async () => {
    const { router } = makeRouter();
    const reply = (await router(wire('analyzeArticle', { article }), contentScript)) as WireReply;
    expect(reply).toEqual({ ok: false, error: 'model exploded' });
  });

  it('passes the sending tab to the handler', async () => {
    const seen: (number | undefined)[] = [];
    const router = createMessageRouter(
      {
        analyzeArticle: (_payload, context) => {
          seen.push(context.tabId);
          return { isArticle: true, lang: 'ar', title: '', published: '', site: '', text: '', actors: [], dates: [], events: [], summary: [] };
        },
      },
      me,
      () => undefined,
    );
    await router(wire('analyzeArticle', { article }), contentScript);
    expect(seen).toEqual([7]);
  });
});
