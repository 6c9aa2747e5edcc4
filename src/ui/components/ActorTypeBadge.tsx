import type { ActorType } from '../../nlp/types';
import { useTranslator } from './i18n';
import type { MessageKey } from './strings';

const TYPE_LABEL_KEYS: Record<ActorType, MessageKey> = {
  PERSON: 'typePERSON',
  ORG: 'typeORG',
  LOC: 'typeLOC',
  GROUP: 'typeGROUP',
};

export const ACTOR_TYPES: readonly ActorType[] = ['PERSON', 'ORG', 'LOC', 'GROUP'];

export function actorTypeLabelKey(type: ActorType): MessageKey {
  return TYPE_LABEL_KEYS[type];
}

/** The actor's type as a coloured pill; the word is always shown, colour is never the only cue. */
export function ActorTypeBadge({ type }: { type: ActorType }) {
  const { t } = useTranslator();
  return <span class={`anl-badge anl-badge-${type}`}>{t(TYPE_LABEL_KEYS[type])}</span>;
}
