import { Suspense, useEffect, useState } from 'react';
import type { KpiView } from '../../../src/contract/review';
import { api } from '../api/client';
import { useRequestId } from '../api/request-id';
import { useAsync } from '../api/use-api';
import { useChunkWords } from '../app/use-chunk-words';
import { t } from '../app/i18n';
import { ObjectiveLink } from '../app/links';
import { startHistory } from '../views/board/board-route';
import { Button } from './button';
import { describeError } from './errors';
import { KpiEditForm } from './kpi-edit-form';
import { KpiHistory } from './kpi-history';
import { KpiCard, KpiList, kpiSummaryWords } from './kpi-list';
import { KpiReadingForm } from './kpi-reading-form';
import { kpiIdOfPath } from './kpi-words';
import { WriteButton } from './read-only';
import { ErrorState, LoadingState } from './states';

/** An objective of the page that may name a KPI (ObjectiveView fits). */
export interface KpiObjective {
  readonly id: string;
  readonly title: string;
  readonly kpiId?: string | undefined;
  readonly status: string;
}

type Open =
  | { kind: 'history'; kpiId: string }
  | { kind: 'record'; kpiId: string }
  | { kind: 'edit'; kpiId: string }
  | { kind: 'add' }
  | { kind: 'archive'; kpiId: string };
/** The parts a KPI card opens (all but the add form). */
type CardPart = Exclude<Open, { kind: 'add' }>['kind'];

/**
 * The KPI a board link landed on (the team page's subpath /kpis/<id>): read once from the page's history,
 * then scrolled to and focused when the list has it.
 */
const useLinkedKpi = (enabled: boolean): string | undefined => {
  const [target, setTarget] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    void startHistory().then((history) => {
      const id = history === undefined ? undefined : kpiIdOfPath(history.location.pathname);
      if (live && id !== undefined) setTarget(id);
    });
    return () => {
      live = false;
    };
  }, [enabled]);
  return target;
};

/**
 * A team's KPIs on its team page, beside its OKRs ("KPIs diagnose operational gaps, OKRs drive the
 * strategic response"): each with its health in words, the objectives responding to it, and for team
 * members a reading form (like a check-in), edit and archive; "Add KPI" under the list.
 */
export function KpiSection(props: KpiSectionProps) {
  return (
    <Suspense fallback={<LoadingState inline />}>
      <KpiSectionBody {...props} />
    </Suspense>
  );
}

interface KpiSectionProps {
  /** Undefined: the company's KPIs (the settings page; OKR admins keep them, no board link lands there). */
  teamId: string | undefined;
  teamName?: string | undefined;
  objectives: readonly KpiObjective[];
  cycleId: string;
  headingId: string;
  /** 2 where the section is a page's section (the settings page); cards take the level below. */
  headingLevel?: 2 | 3;
}

function KpiSectionBody({ teamId, teamName = '', objectives, cycleId, headingId, headingLevel = 3 }: KpiSectionProps) {
  // The section's and its forms' words come with it (app/chunk-words.ts), outside the catalog every view fetches.
  useChunkWords('kpi');
  const company = teamId === undefined;
  const data = useAsync(() => api['kpis.list'](teamId === undefined ? {} : { teamId }), [teamId]);
  const [open, setOpen] = useState<Open | undefined>(undefined);
  const [archiving, setArchiving] = useState(false);
  const [archiveError, setArchiveError] = useState<unknown>(undefined);
  const requestId = useRequestId();
  const linked = useLinkedKpi(!company);
  const kpis = data.data?.kpis.filter((k) => k.status === 'active');

  const linkedShown = linked !== undefined && kpis?.some((k) => k.id === linked) === true;
  useEffect(() => {
    if (!linkedShown) return;
    const heading = document.getElementById(`kpi-${linked}-name`);
    heading?.scrollIntoView({ block: 'center' });
    heading?.focus({ preventScroll: true });
  }, [linked, linkedShown]);

  const saved = () => {
    data.reload();
  };
  const archive = (kpi: KpiView) => {
    setArchiving(true);
    setArchiveError(undefined);
    void api['kpis.save']({
      id: kpi.id,
      ...(kpi.teamId === undefined ? {} : { teamId: kpi.teamId }),
      name: kpi.name,
      ...(kpi.unit === undefined ? {} : { unit: kpi.unit }),
      direction: kpi.direction,
      healthy: kpi.healthy,
      status: 'archived',
      requestId: requestId.current(kpi.id),
    })
      .then(() => {
        requestId.done(kpi.id);
        setOpen(undefined);
        data.reload();
      }, setArchiveError)
      .finally(() => {
        setArchiving(false);
      });
  };

  const Heading = `h${headingLevel}` as const;
  const responding = (kpiId: string) => objectives.filter((o) => o.kpiId === kpiId && o.status !== 'archived');

  return (
    <section aria-labelledby={headingId} className="cad-stack" data-kpi-team={teamId}>
      <Heading id={headingId} className={headingLevel === 2 ? 'cad-heading-medium' : 'cad-heading-small'}>
        {company ? t('kpi.section.companyTitle') : t('kpi.section.title')}
      </Heading>
      <p className="cad-subtlest">{company ? t('kpi.section.companyExplanation') : t('kpi.section.explanation')}</p>
      {kpis === undefined ? (
        data.status === 'error' ? (
          <ErrorState error={data.error} reload={data.reload} title={t('kpi.section.loadError')} />
        ) : (
          <LoadingState inline label={t('kpi.section.loading')} />
        )
      ) : (
        <>
          {data.status === 'error' ? (
            <ErrorState error={data.error} reload={data.reload} title={t('kpi.section.loadError')} />
          ) : null}
          {kpis.length === 0 ? (
            <p className="cad-subtle">
              {company ? t('kpi.section.companyEmpty') : t('kpi.section.empty', { team: teamName })}
            </p>
          ) : (
            <>
              <p className="cad-subtle" data-kpi-summary="">
                {kpiSummaryWords(kpis)}
              </p>
              <KpiList label={company ? t('kpi.section.companyTitle') : t('kpi.section.listLabel', { team: teamName })}>
                {kpis.map((kpi) => {
                  const objectivesOf = responding(kpi.id);
                  const isOpen = (kind: Open['kind']) =>
                    open?.kind === kind && 'kpiId' in open && open.kpiId === kpi.id;
                  // Each action button opens its part of the card, or closes it when open.
                  const toggles = (kind: CardPart, before?: () => void) => ({
                    appearance: 'subtle' as const,
                    'aria-expanded': isOpen(kind),
                    onClick: () => {
                      before?.();
                      setOpen(isOpen(kind) ? undefined : { kind, kpiId: kpi.id });
                    },
                  });
                  return (
                    <KpiCard
                      key={kpi.id}
                      kpi={kpi}
                      headingLevel={headingLevel === 2 ? 3 : 4}
                      targeted={kpi.id === linked}
                      actions={
                        <>
                          {/* Everyone reads a KPI's readings; only its team records and edits. */}
                          <Button {...toggles('history')}>
                            {t('kpi.section.history')}
                            <span className="cad-visually-hidden"> {t('kpi.section.of', { name: kpi.name })}</span>
                          </Button>
                          {kpi.canEdit ? (
                            <>
                              <WriteButton {...toggles('record')}>
                                {t('kpi.section.record')}
                                <span className="cad-visually-hidden"> {t('kpi.section.of', { name: kpi.name })}</span>
                              </WriteButton>
                              <WriteButton {...toggles('edit')}>
                                {t('kpi.section.edit')}
                                <span className="cad-visually-hidden"> {kpi.name}</span>
                              </WriteButton>
                              <WriteButton
                                {...toggles('archive', () => {
                                  setArchiveError(undefined);
                                })}
                              >
                                {t('kpi.section.archive')}
                                <span className="cad-visually-hidden"> {kpi.name}</span>
                              </WriteButton>
                            </>
                          ) : null}
                        </>
                      }
                      related={
                        objectivesOf.length === 0 ? undefined : (
                          <div className="cad-kpi__objectives">
                            <span className="cad-subtle">
                              {t('kpi.section.responding', { count: objectivesOf.length })}
                            </span>
                            <ul className="cad-list">
                              {objectivesOf.map((o) => (
                                <li key={o.id}>
                                  <ObjectiveLink objectiveId={o.id} cycleId={cycleId}>
                                    {o.title}
                                  </ObjectiveLink>
                                </li>
                              ))}
                            </ul>
                          </div>
                        )
                      }
                    >
                      {isOpen('history') ? <KpiHistory kpi={kpi} version={kpi.updatedAt} /> : null}
                      {isOpen('record') ? <KpiReadingForm kpi={kpi} onRecorded={saved} /> : null}
                      {isOpen('edit') ? (
                        <KpiEditForm
                          kpi={kpi}
                          teamId={kpi.teamId}
                          onSaved={() => {
                            setOpen(undefined);
                            saved();
                          }}
                          onCancel={() => {
                            setOpen(undefined);
                          }}
                        />
                      ) : null}
                      {isOpen('archive') ? (
                        <div
                          className="cad-kpi-form"
                          role="group"
                          aria-label={t('kpi.archive.label', { name: kpi.name })}
                        >
                          <p className="cad-text">{t('kpi.archive.question', { name: kpi.name })}</p>
                          <div className="cad-inline">
                            <Button
                              appearance="primary"
                              disabled={archiving}
                              onClick={() => {
                                archive(kpi);
                              }}
                            >
                              {archiving ? t('kpi.archive.archiving') : t('kpi.archive.confirm')}
                            </Button>
                            <Button
                              onClick={() => {
                                setOpen(undefined);
                              }}
                            >
                              {t('kpi.form.cancel')}
                            </Button>
                          </div>
                          {archiveError === undefined ? null : (
                            <p role="alert" className="cad-message cad-message--error">
                              {describeError(archiveError)}
                            </p>
                          )}
                        </div>
                      ) : null}
                    </KpiCard>
                  );
                })}
              </KpiList>
            </>
          )}
          {data.data?.canEdit === false && !kpis.some((k) => k.canEdit) ? null : open?.kind === 'add' ? (
            <KpiEditForm
              teamId={teamId}
              onSaved={() => {
                setOpen(undefined);
                saved();
              }}
              onCancel={() => {
                setOpen(undefined);
              }}
            />
          ) : (
            <div>
              <WriteButton
                onClick={() => {
                  setOpen({ kind: 'add' });
                }}
              >
                {t('kpi.section.add')}
              </WriteButton>
            </div>
          )}
        </>
      )}
    </section>
  );
}
