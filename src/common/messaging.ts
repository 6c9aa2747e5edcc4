/** Typed sending and listening over the schema in messages.ts, for code running inside the extension. */
import browser, { type Runtime } from 'webextension-polyfill';
import {
  MESSAGE_CHANNEL,
  createMessageRouter,
  type MessageHandlers,
  type MessageName,
  type MessagePayload,
  type MessageResponses,
  type MessageSenderInfo,
  type ReceiverIdentity,
  type WireReply,
  type WireRequest,
} from './messages';

export class MessageError extends Error {
  constructor(
    readonly messageName: MessageName,
    reason: string,
  ) {
    super(`${messageName}: ${reason}`);
    this.name = 'MessageError';
  }
}

function unwrap<N extends MessageName>(name: N, reply: unknown): MessageResponses[N] {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    throw new MessageError(name, 'no answer (the receiver dropped the message or is not there)');
  }
  const typed = reply as WireReply<N>;
  if (!typed.ok) throw new MessageError(name, typed.error);
  return typed.value;
}

function wire<N extends MessageName>(name: N, payload: MessagePayload<N>): WireRequest<N> {
  return { channel: MESSAGE_CHANNEL, name, payload };
}

/** Asks the background (from a content script or an extension page). Rejects with a MessageError on failure. */
export async function sendMessage<N extends MessageName>(name: N, payload: MessagePayload<N>): Promise<MessageResponses[N]> {
  return unwrap(name, await browser.runtime.sendMessage(wire(name, payload)));
}

/** Asks the content script of a tab (from an extension page). Rejects when the tab has no content script. */
export async function sendTabMessage<N extends MessageName>(
  tabId: number,
  name: N,
  payload: MessagePayload<N>,
): Promise<MessageResponses[N]> {
  return unwrap(name, await browser.tabs.sendMessage(tabId, wire(name, payload), { frameId: 0 }));
}

function ownIdentity(): ReceiverIdentity {
  return { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('') };
}

/**
 * Registers handlers for the messages this context answers (background, or a content script for messages sent to
 * its tab). In the background call it synchronously at the top level, so a message that wakes the worker finds it.
 */
export function listenForMessages<N extends MessageName>(handlers: MessageHandlers<N>): void {
  const router = createMessageRouter(handlers, ownIdentity);
  // The sendResponse + `return true` form: every browser supports it, while a returned promise is not honoured by
  // all native implementations.
  const listener = (message: unknown, sender: Runtime.MessageSender, sendResponse: (reply: WireReply) => void): true | undefined => {
    const reply = router(message, sender as MessageSenderInfo);
    if (reply === undefined) return undefined;
    void reply.then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener as Runtime.OnMessageListenerCallback);
}
