import type { InitiativeSummary, InitiativeView } from '../../../src/contract';
import { keyResultWorkJql } from '../../../src/contract/jql';
import { t } from '../app/i18n';
import { IssueLink, JiraSearchLink } from '../app/links';
import { formatNumber } from './format';
import { Lozenge } from './lozenge';
import type { LozengeAppearance } from './lozenge';
import { ProgressBar } from './progress-bar';
import './initiative-list.css';

type VisibleInitiative = Extract<InitiativeView, { restricted: false }>;

const STATUS_APPEARANCE: Readonly<Record<VisibleInitiative['statusCategory'], LozengeAppearance>> = {
  new: 'default',
  indeterminate: 'inprogress',
  done: 'success',
};

/** "12 of 20 issues done (2 won't do)": the epic's own progress in words. */
export const epicProgressWords = (p: { done: number; total: number; excluded: number }): string => {
  const inScope = p.total - p.excluded;
  if (inScope === 0)
    return p.excluded > 0
      ? t('components.epics.noneInScope', { count: p.excluded })
      : t('components.epics.noChildIssues');
  const base = t('components.epics.done', { count: inScope, done: formatNumber(p.done) });
  return p.excluded > 0 ? t('components.epics.withExcluded', { progress: base, count: p.excluded }) : base;
};

/** The restricted placeholder: the viewer may not browse the epic's project, so nothing about it shows. */
export const restrictedText = (): string => t('components.epics.restricted');

function InitiativeItem({ initiative }: { initiative: InitiativeView }) {
  if (initiative.restricted) {
    return (
      <li className="cad-initiative cad-initiative--restricted" data-restricted="true">
        <svg className="cad-initiative__lock" aria-hidden="true" viewBox="0 0 16 16" width="12" height="12">
          <path d="M5 7V5a3 3 0 0 1 6 0v2h.5A1.5 1.5 0 0 1 13 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-7A1.5 1.5 0 0 1 3 13.5v-5A1.5 1.5 0 0 1 4.5 7H5Zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2Z" />
        </svg>
        <span>{restrictedText()}</span>
      </li>
    );
  }
  return (
    <li className="cad-initiative" data-issue-key={initiative.issueKey}>
      <IssueLink issueKey={initiative.issueKey} className="cad-initiative__key" />
      <span className="cad-initiative__summary">{initiative.summary}</span>
      {initiative.missing ? (
        <Lozenge appearance="removed">{t('components.epics.deleted')}</Lozenge>
      ) : (
        <Lozenge appearance={STATUS_APPEARANCE[initiative.statusCategory]}>{initiative.statusName}</Lozenge>
      )}
      <ProgressBar
        ratio={initiative.progress.ratio}
        label={`${initiative.issueKey}: ${epicProgressWords(initiative.progress)}`}
      />
    </li>
  );
}

/**
 * The epics linked under a KR (its initiatives): key, summary, status and progress from child issues.
 * Epics in projects the viewer cannot browse arrive without key or summary and render as a placeholder.
 * A link under them opens Jira's search on all their work (the keyResultWork JQL function: the epics and
 * their child issues, as far as the viewer may browse them) when they are one KR's, as every caller's are.
 */
export function InitiativeList({ initiatives, label }: { initiatives: readonly InitiativeView[]; label?: string }) {
  if (initiatives.length === 0) return <p className="cad-subtlest">{t('components.epics.noneLinked')}</p>;
  const keyResultIds = new Set(initiatives.map((i) => i.keyResultId));
  const [keyResultId] = keyResultIds.size === 1 ? [...keyResultIds] : [];
  return (
    <>
      <ul className="cad-initiatives" aria-label={label ?? t('components.epics.linked')}>
        {initiatives.map((i) => (
          <InitiativeItem key={i.id} initiative={i} />
        ))}
      </ul>
      {keyResultId === undefined ? null : (
        <p className="cad-initiatives__all">
          <JiraSearchLink jql={keyResultWorkJql(keyResultId)} title={t('work.seeAllHint')}>
            {t('work.seeAll')}
          </JiraSearchLink>
        </p>
      )}
    </>
  );
}

/** The board's per-KR epic summary in one line: "3 epics · 12 of 20 issues done · 1 restricted". */
export function InitiativeSummaryLine({ summary }: { summary: InitiativeSummary }) {
  if (summary.count === 0) return <span className="cad-subtlest">{t('components.epics.noneLinked')}</span>;
  const parts = [t('components.epics.count', { count: summary.count })];
  if (summary.total > 0) parts.push(epicProgressWords(summary));
  if (summary.restricted > 0) parts.push(t('components.epics.restrictedCount', { count: summary.restricted }));
  if (summary.missing > 0) parts.push(t('components.epics.deletedCount', { count: summary.missing }));
  return <span className="cad-subtle">{parts.join(' · ')}</span>;
}
