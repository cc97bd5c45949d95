import { useEffect, useRef, useState } from 'react';
import type { ExportDocument, ExportPage, ImportStatus } from '../../../../src/contract';
import { ExportDocumentSchema } from '../../../../src/contract/export-document';
import { countsOf, EXPORT_SECTIONS, mergeExportPages } from '../../../../src/contract/export-pages';
import { api, ApiCallError } from '../../api/client';
import { useRequestId } from '../../api/request-id';
import { t } from '../../app/i18n';
import { Button } from '../../components/button';
import { CheckboxField } from '../../components/fields';
import { describeError } from '../../components/errors';
import { formatDateTime, formatNumber } from '../../components/format';
import { exportFileName, headerOf, splitIntoParts, totalOf } from './transfer';

const POLL_MS = 1000;

type Exporting =
  | { state: 'idle' }
  | { state: 'running'; pages: number; records: number }
  | { state: 'done'; pages: number; records: number; json: string; url: string; name: string }
  | { state: 'failed'; message: string };

type Chosen =
  | { state: 'none' }
  | { state: 'invalid'; file: string; problems: string[] }
  | { state: 'valid'; file: string; doc: ExportDocument };

type Importing =
  | { state: 'idle' }
  | { state: 'running'; step: string; done: number; total: number }
  | { state: 'done'; records: number }
  | { state: 'failed'; problems: string[] };

const recordsOf = (page: ExportPage): number => totalOf(countsOf(page));

/** What went wrong with an import call, naming the part and the fields the backend named. */
const problemsOf = (error: unknown, where: string): string[] => {
  const issues = error instanceof ApiCallError ? (error.error.issues ?? []) : [];
  if (issues.length === 0) return [`${where}: ${describeError(error)}`];
  return issues.slice(0, 20).map((i) => `${where}: ${i.field}: ${i.message}`);
};

/** Counts of a document in words: "3 cycles, 4 teams, …". */
const countsInWords = (doc: ExportDocument): string => {
  const counts = countsOf(doc);
  return EXPORT_SECTIONS.map((s) => t(`admin.transfer.count.${s}`, { count: counts[s] })).join(', ');
};

/**
 * Export: every page of data.export into one JSON file, downloaded (Custom UI's iframe sandbox allows
 * downloads started by a user gesture, docs: platform/forge/custom-ui/iframe) or copied from the text
 * shown. Import: a file checked against the export format here first, then sent in parts
 * (data.import.start / append / finish) and followed with data.import.status until it is switched on.
 */
export function TransferSection({ onImported }: { onImported: () => void }) {
  const requestId = useRequestId();
  const [exporting, setExporting] = useState<Exporting>({ state: 'idle' });
  const [chosen, setChosen] = useState<Chosen>({ state: 'none' });
  const [confirmed, setConfirmed] = useState(false);
  const [importing, setImporting] = useState<Importing>({ state: 'idle' });
  const live = useRef(true);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  // A finished export's object URL is released when another replaces it or the view closes.
  const url = exporting.state === 'done' ? exporting.url : undefined;
  useEffect(
    () => () => {
      if (url !== undefined) URL.revokeObjectURL(url);
    },
    [url],
  );

  const runExport = async (): Promise<void> => {
    setExporting({ state: 'running', pages: 0, records: 0 });
    const pages: ExportPage[] = [];
    try {
      let cursor: string | undefined;
      do {
        const answer = await api['data.export'](cursor === undefined ? {} : { cursor });
        pages.push(answer.page);
        cursor = answer.nextCursor;
        if (!live.current) return;
        setExporting({ state: 'running', pages: pages.length, records: pages.reduce((n, p) => n + recordsOf(p), 0) });
      } while (cursor !== undefined);
      const doc = mergeExportPages(pages);
      const json = JSON.stringify(doc, null, 2);
      const href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      setExporting({
        state: 'done',
        pages: pages.length,
        records: totalOf(countsOf(doc)),
        json,
        url: href,
        name: exportFileName(doc.exportedAt),
      });
    } catch (error) {
      if (live.current) setExporting({ state: 'failed', message: describeError(error) });
    }
  };

  const choose = async (file: File): Promise<void> => {
    setConfirmed(false);
    setImporting({ state: 'idle' });
    let raw: unknown;
    try {
      raw = JSON.parse(await file.text());
    } catch (error) {
      setChosen({
        state: 'invalid',
        file: file.name,
        problems: [t('admin.transfer.notJson', { message: error instanceof Error ? error.message : String(error) })],
      });
      return;
    }
    const parsed = ExportDocumentSchema.safeParse(raw);
    setChosen(
      parsed.success
        ? { state: 'valid', file: file.name, doc: parsed.data }
        : {
            state: 'invalid',
            file: file.name,
            problems: parsed.error.issues
              .slice(0, 20)
              .map((i) => `${i.path.length === 0 ? t('admin.transfer.wholeFile') : i.path.join('.')}: ${i.message}`),
          },
    );
  };

  const runImport = async (doc: ExportDocument): Promise<void> => {
    const parts = splitIntoParts(doc);
    const total = parts.length + 2;
    const step = (words: string, done: number): void => {
      if (live.current) setImporting({ state: 'running', step: words, done, total });
    };
    step(t('admin.transfer.starting'), 0);
    let importId: string;
    try {
      ({ importId } = await api['data.import.start']({ requestId: requestId.current('start'), header: headerOf(doc) }));
    } catch (error) {
      setImporting({ state: 'failed', problems: problemsOf(error, t('admin.transfer.header')) });
      return;
    }
    for (const [i, part] of parts.entries()) {
      const where = t('admin.transfer.part', { part: i + 1, parts: parts.length });
      step(where, i + 1);
      try {
        await api['data.import.append']({ importId, requestId: requestId.current(`part:${String(i)}`), part });
      } catch (error) {
        setImporting({ state: 'failed', problems: problemsOf(error, where) });
        return;
      }
    }
    step(t('admin.transfer.verifying'), parts.length + 1);
    let status: ImportStatus;
    try {
      status = await api['data.import.finish']({ importId });
      while (status.state === 'staging' || status.state === 'verifying') {
        if (!live.current) return;
        setImporting({
          state: 'running',
          step: t('admin.transfer.verifyingCount', { verified: status.verified, expected: status.expected }),
          done: parts.length + 1 + (status.expected === 0 ? 0 : status.verified / status.expected),
          total,
        });
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        status = await api['data.import.status']({ importId });
      }
    } catch (error) {
      setImporting({ state: 'failed', problems: problemsOf(error, t('admin.transfer.verifying')) });
      return;
    }
    if (status.state === 'failed') {
      setImporting({ state: 'failed', problems: [status.error ?? t('admin.transfer.failedUnknown')] });
      return;
    }
    requestId.done('start');
    parts.forEach((_, i) => {
      requestId.done(`part:${String(i)}`);
    });
    setImporting({ state: 'done', records: status.expected });
    setChosen({ state: 'none' });
    setConfirmed(false);
    if (fileInput.current !== null) fileInput.current.value = '';
    onImported();
  };

  const running = importing.state === 'running';
  return (
    <>
      <h2 className="cad-heading-medium">{t('admin.transfer.title')}</h2>
      <section className="cad-card" aria-labelledby="cad-export-title">
        <h3 id="cad-export-title" className="cad-heading-small">
          {t('admin.transfer.exportTitle')}
        </h3>
        <p className="cad-text">{t('admin.transfer.exportIntro')}</p>
        <div>
          <Button
            appearance="primary"
            disabled={exporting.state === 'running'}
            onClick={() => {
              void runExport();
            }}
          >
            {exporting.state === 'done' ? t('admin.transfer.exportAgain') : t('admin.transfer.export')}
          </Button>
        </div>
        <div role="status" className="cad-stack">
          {exporting.state === 'running' ? (
            <p className="cad-text">
              {t('admin.transfer.exportProgress', {
                pages: exporting.pages,
                records: formatNumber(exporting.records),
              })}
            </p>
          ) : exporting.state === 'done' ? (
            <p className="cad-message cad-message--success">
              {t('admin.transfer.exportDone', { pages: exporting.pages, records: formatNumber(exporting.records) })}
            </p>
          ) : null}
        </div>
        {exporting.state === 'failed' ? (
          <p role="alert" className="cad-message cad-message--error">
            {exporting.message}
          </p>
        ) : null}
        {exporting.state === 'done' ? (
          <>
            <div>
              <a className="cad-button cad-button--primary" href={exporting.url} download={exporting.name}>
                {t('admin.transfer.download', { name: exporting.name })}
              </a>
            </div>
            <details className="cad-details">
              <summary>{t('admin.transfer.showJson')}</summary>
              <p className="cad-subtle">{t('admin.transfer.showJsonWhy')}</p>
              <textarea
                className="cad-textarea cad-admin-json"
                readOnly
                aria-label={t('admin.transfer.jsonLabel')}
                value={exporting.json}
                onFocus={(e) => {
                  e.currentTarget.select();
                }}
              />
            </details>
          </>
        ) : null}
      </section>

      <section className="cad-card" aria-labelledby="cad-import-title">
        <h3 id="cad-import-title" className="cad-heading-small">
          {t('admin.transfer.importTitle')}
        </h3>
        <p className="cad-message cad-message--warning">{t('admin.transfer.replaces')}</p>
        <div className="cad-field">
          <label className="cad-field__label" htmlFor="cad-import-file">
            {t('admin.transfer.chooseFile')}
          </label>
          <input
            ref={fileInput}
            id="cad-import-file"
            type="file"
            accept="application/json,.json"
            disabled={running}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file === undefined) setChosen({ state: 'none' });
              else void choose(file);
            }}
          />
        </div>
        {chosen.state === 'invalid' ? (
          <div role="alert" className="cad-message cad-message--error">
            <strong>{t('admin.transfer.invalid', { file: chosen.file })}</strong>
            <ul>
              {chosen.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {chosen.state === 'valid' ? (
          <div className="cad-stack">
            <p className="cad-text">
              {t('admin.transfer.valid', { file: chosen.file, exportedAt: formatDateTime(chosen.doc.exportedAt) })}
            </p>
            <p className="cad-text">{countsInWords(chosen.doc)}</p>
            <CheckboxField
              label={t('admin.transfer.confirm')}
              checked={confirmed}
              disabled={running}
              onChange={setConfirmed}
            />
            <div>
              <Button
                appearance="primary"
                disabled={!confirmed || running}
                onClick={() => {
                  void runImport(chosen.doc);
                }}
              >
                {t('admin.transfer.import')}
              </Button>
            </div>
          </div>
        ) : null}
        <div role="status" className="cad-stack">
          {importing.state === 'running' ? (
            <>
              <p className="cad-text">{importing.step}</p>
              <progress
                className="cad-admin-progress"
                max={importing.total}
                value={importing.done}
                aria-label={t('admin.transfer.progressLabel')}
              />
            </>
          ) : importing.state === 'done' ? (
            <p className="cad-message cad-message--success">
              {t('admin.transfer.imported', { records: formatNumber(importing.records) })}
            </p>
          ) : null}
        </div>
        {importing.state === 'failed' ? (
          <div role="alert" className="cad-message cad-message--error">
            <strong>{t('admin.transfer.importFailed')}</strong>
            <ul>
              {importing.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
    </>
  );
}
