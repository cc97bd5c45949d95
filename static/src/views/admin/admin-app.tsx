import { lazy, Suspense, useState } from 'react';
import type { Me, Settings, Team } from '../../../../src/contract';
import { api } from '../../api/client';
import { useAsync } from '../../api/use-api';
import { useChunkWords } from '../../app/use-chunk-words';
import { t } from '../../app/i18n';
import { Button } from '../../components/button';
import { ReadOnlyProvider } from '../../components/read-only';
import { ErrorState, LoadingState } from '../../components/states';
import { AdminsSection } from './admins-section';
import { HealthSection } from './health-section';
import { ScoringSection } from './scoring-section';
import { TeamsSection } from './teams-section';
import { TransferSection } from './transfer-section';
import type { AdminSection } from './sections';
import { ADMIN_SECTIONS, sectionsFor } from './sections';
import './admin.css';

// Loaded when the section opens: the KPI components stay out of the settings page's initial bundle.
const CompanyKpisSection = lazy(() => import('./company-kpis-section'));

interface Loaded {
  me: Me;
  settings: Settings;
  teams: Team[];
}

const load = async (): Promise<Loaded> => {
  const [me, settings, { teams }] = await Promise.all([
    api['me.get']({}),
    api['settings.get']({}),
    api['teams.list']({}),
  ]);
  return { me, settings, teams };
};

/**
 * "Cadence settings": teams, company KPIs, scoring, administrators, export and import, data health. The Jira admin
 * page shows it, and so does the board (?settings=…) for OKR admins who cannot open Jira's admin area.
 * OKR admins change things; anyone else reads teams, scoring and who administers, with why they cannot
 * change them. A read-only installation shows its banner and no write controls.
 */
export default function AdminApp(props: AdminAppProps) {
  // Its words come with this chunk (locales/<locale>/chunks/admin.json), not in every view's catalog.
  return (
    <Suspense fallback={<LoadingState label={t('admin.load.loading')} />}>
      <AdminAppWithWords {...props} />
    </Suspense>
  );
}

interface AdminAppProps {
  /** The section shown; undefined: the first. The caller keeps it (in the board's URL, say). */
  section?: AdminSection | undefined;
  onSection?: (section: AdminSection) => void;
  /** Shown as "Back to the board" when the settings open inside the board. */
  onClose?: () => void;
}

function AdminAppWithWords({ section: asked, onSection, onClose }: AdminAppProps) {
  useChunkWords('admin');
  const data = useAsync(load, []);
  const [own, setOwn] = useState<AdminSection | undefined>(undefined);
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const me = data.data?.me;
  const canEdit = me !== undefined && me.isOkrAdmin && !me.readOnly;
  const shown = me === undefined ? [] : sectionsFor(me);
  const wanted = asked ?? own ?? 'teams';
  const section = shown.includes(wanted) ? wanted : 'teams';
  const go = (next: AdminSection): void => {
    setOwn(next);
    onSection?.(next);
  };

  const body =
    data.status === 'error' && data.data === undefined ? (
      <ErrorState error={data.error} reload={data.reload} title={t('admin.load.error')} />
    ) : data.data === undefined || me === undefined ? (
      <LoadingState label={t('admin.load.loading')} />
    ) : (
      <>
        {me.isOkrAdmin ? null : (
          <div className="cad-message cad-message--info" role="note">
            <strong>{t('admin.notAdmin.title')}</strong>
            <p className="cad-text">
              {data.data.settings.adminGroup === undefined
                ? t('admin.notAdmin.textNoGroup')
                : t('admin.notAdmin.text', { group: data.data.settings.adminGroup.name })}
            </p>
          </div>
        )}
        <div className="cad-admin__layout">
          <nav className="cad-admin__nav" aria-label={t('admin.nav.label')}>
            <ul>
              {shown.map((s) => (
                <li key={s}>
                  <a
                    href={`?settings=${s}`}
                    aria-current={s === section ? 'page' : undefined}
                    onClick={(e) => {
                      e.preventDefault();
                      go(s);
                    }}
                  >
                    {t(`admin.nav.${s}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div className="cad-admin__section">
            {section === 'teams' ? (
              <TeamsSection teams={data.data.teams} canEdit={canEdit} onChanged={data.reload} />
            ) : section === 'kpis' ? (
              <Suspense fallback={<LoadingState inline />}>
                <CompanyKpisSection />
              </Suspense>
            ) : section === 'scoring' ? (
              <ScoringSection
                settings={settings ?? data.data.settings}
                canEdit={canEdit}
                onSaved={(next) => {
                  setSettings(next);
                }}
              />
            ) : section === 'admins' ? (
              <AdminsSection
                settings={settings ?? data.data.settings}
                me={me}
                writable={!me.readOnly}
                onSaved={(next) => {
                  setSettings(next);
                  data.reload();
                }}
              />
            ) : section === 'data' ? (
              <TransferSection
                onImported={() => {
                  setSettings(undefined);
                  data.reload();
                }}
              />
            ) : (
              <HealthSection />
            )}
          </div>
        </div>
      </>
    );

  return (
    <ReadOnlyProvider me={me}>
      <main className="cad-view cad-admin">
        <div className="cad-inline cad-inline--spread">
          <h1 className="cad-heading-large">{t('admin.title')}</h1>
          {onClose === undefined ? null : <Button onClick={onClose}>{t('admin.backToBoard')}</Button>}
        </div>
        {body}
      </main>
    </ReadOnlyProvider>
  );
}

export { ADMIN_SECTIONS };
export type { AdminSection };
