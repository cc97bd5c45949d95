import { useId, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { Settings } from '../../../../src/contract';
import { DEFAULT_BANDS } from '../../../../src/contract/insights';
import { DEFAULT_STATUS_THRESHOLDS } from '../../../../src/domain/status';
import { api } from '../../api/client';
import { useRequestId } from '../../api/request-id';
import { t } from '../../app/i18n';
import { Button } from '../../components/button';
import { describeError, fieldErrors } from '../../components/errors';
import { FormError, TextField } from '../board/fields';
import type { ScoringDraft, ScoringField } from './scoring-check';
import { checkScoring, draftOf } from './scoring-check';
import { ScoringPreview } from './scoring-preview';

const BAND_FIELDS: readonly ScoringField[] = ['yellowFrom', 'greenFrom'];
const PACE_FIELDS: readonly ScoringField[] = ['behindBy', 'atRiskBy'];

/** Score bands and pace thresholds, with a preview in words; OKR admins change them. */
export function ScoringSection({
  settings,
  canEdit,
  onSaved,
}: {
  settings: Settings;
  canEdit: boolean;
  onSaved: (settings: Settings) => void;
}) {
  const id = useId();
  const requestId = useRequestId();
  const [draft, setDraft] = useState<ScoringDraft>(() => draftOf(settings.bands, settings.pace));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);
  const checked = checkScoring(draft);
  const server = fieldErrors(error);
  const messageOf = (field: ScoringField): string | undefined =>
    checked.errors.get(field) ?? server.get(`${BAND_FIELDS.includes(field) ? 'bands' : 'pace'}.${field}`);

  const submit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setSaved(false);
    if (checked.bands === undefined || checked.pace === undefined) return;
    setSaving(true);
    setError(undefined);
    api['settings.update']({ bands: checked.bands, pace: checked.pace, requestId: requestId.current() }).then(
      (next) => {
        requestId.done();
        setSaving(false);
        setSaved(true);
        onSaved(next);
      },
      (e: unknown) => {
        setSaving(false);
        setError(e);
      },
    );
  };

  const field = (name: ScoringField) => (
    <TextField
      key={name}
      id={`${id}-${name}`}
      type="number"
      label={t(`admin.scoring.${name}`)}
      hint={t(`admin.scoring.${name}Hint`)}
      value={draft[name]}
      disabled={!canEdit}
      onChange={(value) => {
        setDraft((d) => ({ ...d, [name]: value }));
        setSaved(false);
      }}
      error={messageOf(name)}
    />
  );

  const otherError = error !== undefined && server.size === 0 ? describeError(error) : undefined;
  return (
    <>
      <h2 className="cad-heading-medium">{t('admin.scoring.title')}</h2>
      <p className="cad-subtle">{t('admin.scoring.intro')}</p>
      <form className="cad-admin-form" onSubmit={submit} noValidate aria-label={t('admin.scoring.title')}>
        <fieldset className="cad-fieldset cad-stack">
          <legend className="cad-fieldset__legend">{t('admin.scoring.bandsLegend')}</legend>
          <p className="cad-subtle">{t('admin.scoring.bandsHint')}</p>
          <div className="cad-admin-numbers">{BAND_FIELDS.map(field)}</div>
        </fieldset>
        <fieldset className="cad-fieldset cad-stack">
          <legend className="cad-fieldset__legend">{t('admin.scoring.paceLegend')}</legend>
          <p className="cad-subtle">{t('admin.scoring.paceHint')}</p>
          <div className="cad-admin-numbers">{PACE_FIELDS.map(field)}</div>
        </fieldset>
        <ScoringPreview bands={checked.bands} pace={checked.pace} />
        <FormError message={otherError} />
        <p role="status" className={saved ? 'cad-message cad-message--success' : 'cad-visually-hidden'}>
          {saved ? t('admin.scoring.saved') : ''}
        </p>
        {canEdit ? (
          <div className="cad-inline">
            <Button type="submit" appearance="primary" disabled={saving}>
              {saving ? t('admin.common.saving') : t('admin.common.save')}
            </Button>
            <Button
              onClick={() => {
                setDraft(draftOf(DEFAULT_BANDS, DEFAULT_STATUS_THRESHOLDS));
                setSaved(false);
              }}
            >
              {t('admin.scoring.defaults')}
            </Button>
          </div>
        ) : null}
      </form>
    </>
  );
}
