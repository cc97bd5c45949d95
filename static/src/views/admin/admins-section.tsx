import { useState } from 'react';
import type { Me, Settings } from '../../../../src/contract';
import { api } from '../../api/client';
import { useRequestId } from '../../api/request-id';
import { t } from '../../app/i18n';
import { Button } from '../../components/button';
import { describeError } from '../../components/errors';
import { useDebounced } from '../../components/use-debounced';
import { useAsync } from '../../api/use-api';
import type { JiraGroup } from './jira-lookups';
import { searchGroups } from './jira-lookups';

/**
 * Who administers OKRs: Jira's admins always, and the members of one Jira group if chosen. Only Jira
 * admins choose the group (settings.update refuses anyone else), so an OKR admin cannot widen or narrow
 * who administers; everyone else reads it with the reason.
 */
export function AdminsSection({
  settings,
  me,
  writable,
  onSaved,
}: {
  settings: Settings;
  me: Me;
  /** False when the installation is read-only. */
  writable: boolean;
  onSaved: (settings: Settings) => void;
}) {
  const requestId = useRequestId();
  const [query, setQuery] = useState('');
  const settled = useDebounced(query.trim(), 250);
  const groups = useAsync(() => (settled === '' ? Promise.resolve<JiraGroup[]>([]) : searchGroups(settled)), [settled]);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const canChange = me.isSiteAdmin && writable;
  const group = settings.adminGroup;

  const save = (adminGroup: JiraGroup | null): void => {
    setSaving(true);
    setResult(undefined);
    api['settings.update']({ adminGroup, requestId: requestId.current() }).then(
      (next) => {
        requestId.done();
        setSaving(false);
        setQuery('');
        setResult({
          ok: true,
          text: adminGroup === null ? t('admin.admins.removed') : t('admin.admins.chosen', { group: adminGroup.name }),
        });
        onSaved(next);
      },
      (e: unknown) => {
        setSaving(false);
        setResult({ ok: false, text: describeError(e) });
      },
    );
  };

  return (
    <>
      <h2 className="cad-heading-medium">{t('admin.admins.title')}</h2>
      <ul className="cad-text cad-stack">
        <li>{t('admin.admins.jiraAdmins')}</li>
        <li>
          {group === undefined ? t('admin.admins.noGroup') : t('admin.admins.groupMembers', { group: group.name })}
        </li>
      </ul>
      <p className="cad-subtle">{t('admin.admins.whatTheyDo')}</p>
      {canChange ? null : (
        <p className="cad-message cad-message--info">
          {me.isSiteAdmin ? t('admin.admins.readOnlyInstall') : t('admin.admins.onlyJiraAdmins')}
        </p>
      )}
      {result === undefined ? null : (
        <p
          role={result.ok ? 'status' : 'alert'}
          className={`cad-message cad-message--${result.ok ? 'success' : 'error'}`}
        >
          {result.text}
        </p>
      )}
      {canChange ? (
        <div className="cad-admin-form">
          {group === undefined ? null : (
            <div>
              <Button
                disabled={saving}
                onClick={() => {
                  save(null);
                }}
              >
                {t('admin.admins.remove', { group: group.name })}
              </Button>
            </div>
          )}
          <div className="cad-field">
            <label className="cad-field__label" htmlFor="cad-admin-group-search">
              {group === undefined ? t('admin.admins.choose') : t('admin.admins.replace')}
            </label>
            <input
              id="cad-admin-group-search"
              className="cad-input"
              type="search"
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
              }}
            />
            {settled === '' ? null : groups.status === 'error' ? (
              <p className="cad-field__error">{t('admin.admins.failed')}</p>
            ) : groups.data === undefined ? null : groups.data.length === 0 ? (
              <p className="cad-field__hint">{t('admin.admins.noMatch', { query: settled })}</p>
            ) : (
              <ul className="cad-list" aria-label={t('admin.admins.matching', { query: settled })}>
                {groups.data.map((g) => (
                  <li key={g.groupId}>
                    <Button
                      appearance="subtle"
                      disabled={saving || g.groupId === group?.groupId}
                      onClick={() => {
                        save(g);
                      }}
                    >
                      {t('admin.admins.useGroup', { group: g.name })}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      ) : null}
    </>
  );
}
