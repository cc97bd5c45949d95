import { useState } from 'react';
import type { ApiOutput } from '../../../../src/contract';
import { api, ApiCallError } from '../../api/client';
import { useRequestId } from '../../api/request-id';
import { t } from '../../app/i18n';
import { Button } from '../../components/button';
import { describeError } from '../../components/errors';
import { formatNumber } from '../../components/format';
import { LoadingState } from '../../components/states';

type Health = ApiOutput<'data.health'>;
type Damaged = Health['corrupt'][number];

const pretty = (raw: string): string => {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
};

/** One damaged record: what is wrong, its stored JSON to correct and save, or removal after a confirm. */
function DamagedRecord({ record, onRepaired }: { record: Damaged; onRepaired: (words: string) => void }) {
  const requestId = useRequestId();
  const [text, setText] = useState(() => pretty(record.raw));
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const name = `${record.kind} ${record.key}`;
  const editorId = `cad-repair-${record.kind}-${record.key}`.replace(/[^\w-]/g, '_');

  const repair = (action: 'replace' | 'remove'): void => {
    let data: unknown;
    if (action === 'replace') {
      try {
        data = JSON.parse(text);
      } catch (error) {
        setProblem(t('admin.health.notJson', { message: error instanceof Error ? error.message : String(error) }));
        return;
      }
    }
    setBusy(true);
    setProblem(undefined);
    api['data.repair']({
      kind: record.kind,
      key: record.key,
      action,
      ...(action === 'replace' ? { record: data } : {}),
      requestId: requestId.current(action),
    }).then(
      () => {
        requestId.done(action);
        setBusy(false);
        onRepaired(t(action === 'replace' ? 'admin.health.replaced' : 'admin.health.removed', { name }));
      },
      (error: unknown) => {
        setBusy(false);
        const issues = error instanceof ApiCallError ? (error.error.issues ?? []) : [];
        setProblem(
          // Each issue's message already names its field in words.
          issues.length === 0 ? describeError(error) : issues.map((i) => i.message).join(' '),
        );
      },
    );
  };

  return (
    <li className="cad-card">
      <h3 className="cad-heading-xsmall">
        <span className="cad-admin-key">{record.kind}</span> {record.key}
      </h3>
      <p className="cad-text">{t('admin.health.problem', { problem: record.problem })}</p>
      {record.rawTruncated ? (
        <p className="cad-message cad-message--warning">{t('admin.health.truncated')}</p>
      ) : (
        <div className="cad-field">
          <label className="cad-field__label" htmlFor={editorId}>
            {t('admin.health.editor', { name })}
          </label>
          <textarea
            id={editorId}
            className="cad-textarea cad-admin-json"
            spellCheck={false}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
            }}
          />
        </div>
      )}
      {problem === undefined ? null : (
        <p role="alert" className="cad-message cad-message--error">
          {problem}
        </p>
      )}
      {confirming ? (
        <div
          className="cad-message cad-message--warning cad-stack"
          role="group"
          aria-label={t('admin.health.confirmLabel')}
        >
          <p className="cad-text">{t('admin.health.confirmRemove', { name })}</p>
          <div className="cad-inline">
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() => {
                repair('remove');
              }}
            >
              {t('admin.health.removeForGood')}
            </Button>
            <Button
              onClick={() => {
                setConfirming(false);
              }}
            >
              {t('admin.common.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="cad-inline">
          {record.rawTruncated ? null : (
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() => {
                repair('replace');
              }}
            >
              {t('admin.health.save')}
            </Button>
          )}
          <Button
            disabled={busy}
            onClick={() => {
              setConfirming(true);
            }}
          >
            {t('admin.health.remove')}
          </Button>
        </div>
      )}
    </li>
  );
}

/** Data health: records that fail their schema (left out of every view), each to repair or remove. */
export function HealthSection() {
  const [health, setHealth] = useState<
    { state: 'idle' } | { state: 'running' } | { state: 'done'; result: Health } | { state: 'failed'; message: string }
  >({ state: 'idle' });
  const [results, setResults] = useState<string[]>([]);

  const run = (): void => {
    setHealth({ state: 'running' });
    api['data.health']({}).then(
      (result) => {
        setHealth({ state: 'done', result });
      },
      (error: unknown) => {
        setHealth({ state: 'failed', message: describeError(error) });
      },
    );
  };

  return (
    <>
      <h2 className="cad-heading-medium">{t('admin.health.title')}</h2>
      <p className="cad-subtle">{t('admin.health.intro')}</p>
      <div>
        <Button appearance="primary" disabled={health.state === 'running'} onClick={run}>
          {health.state === 'done' ? t('admin.health.runAgain') : t('admin.health.run')}
        </Button>
      </div>
      {results.length === 0 ? null : (
        <ul role="status" className="cad-message cad-message--success">
          {results.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {health.state === 'running' ? <LoadingState inline label={t('admin.health.running')} /> : null}
      {health.state === 'failed' ? (
        <p role="alert" className="cad-message cad-message--error">
          {health.message}
        </p>
      ) : null}
      {health.state === 'done' ? (
        <>
          <p role="status" className="cad-text">
            {health.result.corrupt.length === 0
              ? t('admin.health.allGood', { checked: formatNumber(health.result.checked) })
              : t('admin.health.found', {
                  count: health.result.corrupt.length,
                  checked: formatNumber(health.result.checked),
                })}
          </p>
          {health.result.corrupt.length === 0 ? null : (
            <ul className="cad-list" aria-label={t('admin.health.listLabel')}>
              {health.result.corrupt.map((record) => (
                <DamagedRecord
                  key={`${record.kind}:${record.key}`}
                  record={record}
                  onRepaired={(words) => {
                    setResults((r) => [...r, words]);
                    setHealth((h) =>
                      h.state === 'done'
                        ? {
                            state: 'done',
                            result: {
                              ...h.result,
                              corrupt: h.result.corrupt.filter((c) => c.kind !== record.kind || c.key !== record.key),
                            },
                          }
                        : h,
                    );
                  }}
                />
              ))}
            </ul>
          )}
        </>
      ) : null}
    </>
  );
}
