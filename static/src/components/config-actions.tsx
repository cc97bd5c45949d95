import { view } from '@forge/bridge';
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
          The settings could not be saved: {describeError(saveError)}
        </p>
      )}
      <div className="cad-inline">
        <Button type="submit" appearance="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </Button>
        <Button
          appearance="subtle"
          onClick={() => {
            void view.close().catch(() => undefined);
          }}
        >
          Cancel
        </Button>
      </div>
    </>
  );
}
