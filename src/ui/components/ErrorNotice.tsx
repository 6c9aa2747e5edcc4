/** The one way views say "the background did not answer": what happened, the detail, and a retry. */
import { useTranslator } from './i18n';

/**
 * The reason to show the reader. A MessageError (src/common/messaging.ts) prefixes its reason with the message's
 * name ("getTabAnalysis: …"), which helps a log but not a reader; it is checked by shape, because importing
 * messaging.ts would load the browser API into views that also run in tests and demos.
 */
export function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    const { messageName } = error as Error & { messageName?: unknown };
    const prefix = typeof messageName === 'string' ? `${messageName}: ` : '';
    return prefix && error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  }
  return typeof error === 'string' ? error : 'unknown error';
}

export function ErrorNotice({ error, onRetry }: { error: string; onRetry(): void }) {
  const { t } = useTranslator();
  return (
    <div class="anl-notice anl-error anl-stack" role="alert">
      <strong>{t('backgroundFailedTitle')}</strong>
      <p style={{ margin: '0' }}>{t('backgroundFailedBody')}</p>
      <p class="anl-muted anl-wrap" dir="auto" style={{ margin: '0', fontSize: '.85rem' }}>
        {t('errorDetails', { error })}
      </p>
      <button type="button" class="anl-primary" onClick={onRetry}>
        {t('retry')}
      </button>
    </div>
  );
}
