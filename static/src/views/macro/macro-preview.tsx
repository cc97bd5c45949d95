import { t } from '../../app/i18n';
import type { MacroConfig } from './config';
import { missingOf } from './config';
import { MacroView } from './macro-view';

/**
 * The config dialog's live preview: what the page will show with the settings being edited, before
 * Save, through the same MacroView the page uses (so it cannot drift from it). It follows the form
 * after a pause; until the settings name what to show, it says in words what is missing. A check-in
 * panel shows its forms disabled: nothing is written from a preview.
 */
export function MacroPreview({ config, updating }: { config: MacroConfig; updating: boolean }) {
  const missing = missingOf(config);
  return (
    <section className="cad-config__preview" aria-labelledby="macro-preview-title" aria-busy={updating}>
      <div className="cad-config__preview-head">
        <h2 id="macro-preview-title" className="cad-heading-small">
          {t('macro.config.preview.title')}
        </h2>
        <p className="cad-subtlest">{updating ? t('macro.config.preview.updating') : t('macro.config.preview.hint')}</p>
      </div>
      {missing === 'team' ? (
        <p className="cad-subtle">{t('macro.config.preview.needTeam')}</p>
      ) : missing === 'objective' ? (
        <p className="cad-subtle">{t('macro.config.preview.needObjective')}</p>
      ) : (
        <fieldset className="cad-config__preview-body" disabled={config.kind === 'check-in'}>
          <MacroView config={config} embedded />
        </fieldset>
      )}
    </section>
  );
}
