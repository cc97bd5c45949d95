import type { Authorship } from '../../../../src/contract';
import { t } from '../../app/i18n';
import { useUser } from '../../components/user-directory';

/** Editors named before the rest are counted. */
const NAMED = 3;

function Name({ accountId }: { accountId: string }) {
  return <>{useUser(accountId).displayName}</>;
}

/**
 * Who drafted the objective and who edited it since (the method's third mistake is OKRs only handed
 * down: this shows whether the team had a hand in it). Nothing for objectives stored before Cadence kept it.
 */
export function AuthorshipLine({ authorship }: { authorship: Authorship | undefined }) {
  if (authorship === undefined) return null;
  const { createdBy, editors } = authorship;
  const named = editors.slice(0, NAMED);
  const more = editors.length - named.length;
  return (
    <p className="cad-subtle" data-authorship="">
      {createdBy === undefined ? null : (
        <span>
          {t('editor.detail.draftedBy')} <Name accountId={createdBy} />
        </span>
      )}
      {createdBy === undefined || editors.length === 0 ? null : ' · '}
      {editors.length === 0 ? null : (
        <span>
          {t(createdBy === undefined ? 'editor.detail.editedByFirst' : 'editor.detail.editedBy')}{' '}
          {named.map((id, i) => (
            <span key={id}>
              {i === 0 ? null : ', '}
              <Name accountId={id} />
            </span>
          ))}
          {more > 0 ? ` ${t('editor.detail.editedByMore', { count: more })}` : null}
        </span>
      )}
    </p>
  );
}
