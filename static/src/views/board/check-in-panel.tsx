import { useState } from 'react';
import type { BoardKeyResult } from '../../../../src/contract';
import { t } from '../../app/i18n';
import { Button } from '../../components/button';
import { CheckInForm } from '../../components/check-in-form';
import { formatCurrentOfTarget } from '../../components/format';
import type { PanelProps } from './panel-props';

/** The weekly check-in on a KR, opened from its board row; the board reloads after each check-in. */
export function CheckInPanel(props: PanelProps & { keyResult: BoardKeyResult }) {
  const { keyResult } = props;
  // The row's KR as opened; after a check-in, its metric as the backend now has it.
  const [metric, setMetric] = useState(keyResult.metric);
  const objectiveId = props.panel.kind === 'check-in' ? props.panel.objectiveId : undefined;
  return (
    <div className="cad-stack">
      <h3 className="cad-heading-small">{keyResult.title}</h3>
      <p className="cad-subtle">{t('editor.checkIn.now', { value: formatCurrentOfTarget(metric) })}</p>
      <CheckInForm
        keyResult={keyResult}
        onCheckedIn={(result) => {
          setMetric(result.keyResult.metric);
          props.saved();
        }}
      />
      {objectiveId === undefined ? null : (
        <div>
          <Button
            appearance="link"
            onClick={() => {
              props.open({ kind: 'objective', objectiveId });
            }}
          >
            {t('editor.checkIn.openObjective')}
          </Button>
        </div>
      )}
    </div>
  );
}
