/** Export (TimelineJS, CSV, backup), import of a backup, and clearing everything after a confirmation. */
import { useState } from 'preact/hooks';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useTranslator } from '../components/i18n';
import type { ExportFormat, ExportedFile, TimelineDataSource, TimelineFilter } from './dataSource';

export interface DataToolsProps {
  onExport(format: ExportFormat): void;
  /** The text of the file the reader chose. */
  onImport(text: string): void;
  /** Called only after the reader confirmed. */
  onClearAll(): void;
}

export function DataTools({ onExport, onImport, onClearAll }: DataToolsProps) {
  const { t } = useTranslator();
  const [confirming, setConfirming] = useState(false);
  const readFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (file === undefined) return;
    const text = await file.text();
    // Cleared so that choosing the same file again (after fixing it) fires a change.
    input.value = '';
    onImport(text);
  };
  return (
    <section class="anl-stack anl-section" aria-labelledby="anl-data-tools">
      <h2 id="anl-data-tools">{t('dataTools')}</h2>
      <div class="anl-row">
        <button type="button" onClick={() => onExport('timelinejs')}>
          {t('exportTimelineJs')}
        </button>
        <button type="button" onClick={() => onExport('csv')}>
          {t('exportCsv')}
        </button>
        <button type="button" onClick={() => onExport('json')}>
          {t('exportJson')}
        </button>
      </div>
      {/* The native file button speaks the browser's language, not the UI's: it is hidden behind our own. */}
      <label class="anl-field anl-file">
        <span id="anl-import-label">{t('importLabel')}</span>
        <input type="file" accept="application/json,.json" aria-labelledby="anl-import-label" onChange={(event) => void readFile(event.currentTarget as HTMLInputElement)} />
        <span class="anl-file-button" aria-hidden="true">
          {t('chooseFile')}
        </span>
      </label>
      <button type="button" class="anl-danger" onClick={() => setConfirming(true)}>
        {t('clearAll')}
      </button>
      {confirming && (
        <ConfirmDialog
          question={t('clearAllQuestion')}
          confirmLabel={t('clearAllConfirm')}
          onConfirm={() => {
            setConfirming(false);
            onClearAll();
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}

/** Asks the source for an export, filtered like the page, and wraps it as a file to save. */
export async function exportFile(source: TimelineDataSource, format: ExportFormat, filter: TimelineFilter): Promise<ExportedFile> {
  switch (format) {
    case 'timelinejs':
      return { fileName: 'arabic-news-lens-timelinejs.json', mimeType: 'application/json', content: JSON.stringify(await source.exportTimelineJS(filter), null, 2) };
    case 'csv':
      return { fileName: 'arabic-news-lens-timeline.csv', mimeType: 'text/csv;charset=utf-8', content: await source.exportCSV(filter) };
    case 'json':
      return { fileName: 'arabic-news-lens-backup.json', mimeType: 'application/json', content: JSON.stringify(await source.exportJSON()) };
  }
}
