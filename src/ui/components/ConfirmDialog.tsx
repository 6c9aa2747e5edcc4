/**
 * A modal question with Cancel (focused first, the safe choice) and a confirming button.
 * Escape cancels; Tab stays inside the dialog while it is open.
 */
import { useEffect, useRef } from 'preact/hooks';
import { useTranslator } from './i18n';

export interface ConfirmDialogProps {
  question: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({ question, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useTranslator();
  const cancelRef = useRef<HTMLButtonElement | null>(null);
  const confirmRef = useRef<HTMLButtonElement | null>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Tab') {
      // Two buttons: Tab and Shift+Tab both move to the other one.
      event.preventDefault();
      (document.activeElement === cancelRef.current ? confirmRef.current : cancelRef.current)?.focus();
    }
  };
  return (
    <div class="anl-dialog-backdrop">
      <div class="anl-dialog anl-stack" role="alertdialog" aria-modal="true" aria-labelledby="anl-dialog-question" onKeyDown={onKeyDown}>
        <p id="anl-dialog-question" style={{ margin: '0' }}>
          {question}
        </p>
        <div class="anl-row">
          <button ref={cancelRef} type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
          <button ref={confirmRef} type="button" class="anl-danger" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
