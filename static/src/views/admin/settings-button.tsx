import type { Me } from '../../../../src/contract';
import { t } from '../../app/i18n';
import { Button } from '../../components/button';
import './settings-button.css';

/**
 * "Settings" at the top of the board for OKR admins: Jira shows its admin area (where the settings page
 * lives) to Jira admins only, so an OKR admin from the admin group reaches the settings here. Small on
 * purpose: it is in the board's first chunk, the settings view itself loads only when opened.
 */
export function SettingsButton({ me, onOpen }: { me: Me | undefined; onOpen: () => void }) {
  if (me?.isOkrAdmin !== true) return null;
  return (
    <div className="cad-board-settings">
      <Button appearance="subtle" onClick={onOpen}>
        {t('admin.open')}
      </Button>
    </div>
  );
}
