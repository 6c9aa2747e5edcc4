/** The one way views say "the background did not answer": what happened, the detail, and a retry. */
import { useTranslator } from './i18n';

export function describeFailure(error: unknown): string {
  if (error instanceof Error) return error.message;
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
