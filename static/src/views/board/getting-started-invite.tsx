import { router } from '@forge/bridge';
import { useEffect, useId, useRef, useState } from 'react';
import type { Cycle, Team } from '../../../../src/contract';
import { api } from '../../api/client';
import { useRequestId } from '../../api/request-id';
import { useAsync } from '../../api/use-api';
import { t } from '../../app/i18n';
import { Button } from '../../components/button';
import { describeError } from '../../components/errors';
import { BOARD_MODULE_KEY } from '../../components/link-targets';
import { MemberPicker } from '../admin/member-picker';

/** The board's address as Jira shows it (router.getUrl of the module); undefined where the host has none. */
const boardUrl = (): Promise<string | undefined> =>
  router.getUrl({ target: 'module', moduleKey: BOARD_MODULE_KEY, path: '/' }).then(
    (url) => url?.href,
    () => undefined,
  );

/** One team's members, saved as they change (teams.update: OKR admins). */
function TeamMembers({ team, onChanged }: { team: Team; onChanged: (team: Team) => void }) {
  const id = useId();
  const requestId = useRequestId();
  const [members, setMembers] = useState<readonly string[]>(team.memberAccountIds);
  const [status, setStatus] = useState<{ kind: 'saving' | 'saved' | 'error'; text: string } | undefined>(undefined);
  const save = (next: string[]) => {
    setMembers(next);
    setStatus({ kind: 'saving', text: t('start.owners.saving') });
    api['teams.update']({ id: team.id, memberAccountIds: next, requestId: requestId.current() }).then(
      (saved) => {
        requestId.done();
        setStatus({ kind: 'saved', text: t('start.owners.saved', { team: saved.name }) });
        onChanged(saved);
      },
      (error: unknown) => {
        setStatus({ kind: 'error', text: describeError(error) });
      },
    );
  };
  return (
    <div className="cad-stack cad-guide__team">
      <MemberPicker
        id={`${id}-members`}
        label={t('start.owners.members', { team: team.name })}
        value={members}
        onChange={save}
        error={status?.kind === 'error' ? status.text : undefined}
      />
      <p className="cad-subtle" role="status">
        {status === undefined || status.kind === 'error' ? '' : status.text}
      </p>
    </div>
  );
}

/**
 * Step 4: people become owners by being in a team and owning key results. Forge apps cannot send e-mail
 * (no mail API among Forge's; the product sends only its own notifications), so Cadence offers a link to
 * the board with a short message for the person to send themselves.
 */
export function InviteOwners({
  admin,
  teams,
  cycle,
  onTeamChanged,
}: {
  admin: boolean;
  teams: readonly Team[];
  cycle: Cycle | undefined;
  onTeamChanged: (team: Team) => void;
}) {
  const id = useId();
  const url = useAsync(() => boardUrl(), []);
  const [copied, setCopied] = useState<string | undefined>(undefined);
  const area = useRef<HTMLTextAreaElement>(null);
  const link = url.data ?? '';
  const message =
    cycle === undefined
      ? t('start.owners.message', { url: link })
      : t('start.owners.messageCycle', { url: link, cycle: cycle.name });
  const [text, setText] = useState(message);
  // The message follows the link and cycle until the person edits it.
  const [edited, setEdited] = useState(false);
  useEffect(() => {
    if (!edited) setText(message);
  }, [message, edited]);

  const copy = () => {
    const select = () => {
      area.current?.focus();
      area.current?.select();
    };
    // The Clipboard API may be refused inside the app's iframe; the text is then selected to copy by hand.
    const clipboard = typeof navigator.clipboard === 'undefined' ? undefined : navigator.clipboard;
    if (clipboard === undefined) {
      select();
      setCopied(t('start.owners.copyByHand'));
      return;
    }
    clipboard.writeText(text).then(
      () => {
        setCopied(t('start.owners.copied'));
      },
      () => {
        select();
        setCopied(t('start.owners.copyByHand'));
      },
    );
  };

  return (
    <>
      <p className="cad-text">{t('start.owners.text')}</p>
      {admin ? (
        teams.length === 0 ? (
          <p className="cad-subtle">{t('start.owners.noTeams')}</p>
        ) : (
          teams.map((team) => <TeamMembers key={team.id} team={team} onChanged={onTeamChanged} />)
        )
      ) : (
        <p className="cad-text">{t('start.owners.askMembers')}</p>
      )}
      <p className="cad-text">{t('start.owners.noEmail')}</p>
      <div className="cad-field">
        <label className="cad-field__label" htmlFor={`${id}-message`}>
          {t('start.owners.messageLabel')}
        </label>
        <textarea
          id={`${id}-message`}
          ref={area}
          className="cad-textarea"
          rows={4}
          value={text}
          onChange={(e) => {
            setEdited(true);
            setText(e.target.value);
          }}
        />
      </div>
      <div className="cad-inline">
        <Button onClick={copy}>{t('start.owners.copy')}</Button>
        <span className="cad-subtle" role="status">
          {copied ?? ''}
        </span>
      </div>
    </>
  );
}
