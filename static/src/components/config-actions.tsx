import { view } from '@forge/bridge';
import { t } from '../app/i18n';
import { Button } from './button';
import { describeError } from './errors';

/**
 * The foot of a configuration view (the macro's config dialog, the gadget's edit view): why saving
 * failed, if it did, then Save (the form's submit) and Cancel (closes the view unchanged).
 */
export function ConfigActions({ saving, saveError }: { saving: boolean; saveError: unknown }) {
  return (
    <>
      {saveError === undefined ? null : (
        <p role="alert" className="cad-message cad-message--error">
          {t('components.config.saveFailed', { reason: describeError(saveError) })}
        </p>
      )}
      <div className="cad-inline">
        <Button type="submit" appearance="primary" disabled={saving}>
          {saving ? t('components.config.saving') : t('components.config.save')}
        </Button>
        <Button
          appearance="subtle"
          onClick={() => {
            void view.close().catch(() => undefined);
          }}
        >
          {t('components.config.cancel')}
        </Button>
      </div>
    </>
  );
}
