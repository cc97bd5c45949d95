import { CheckInPanel } from './check-in-panel';
import { CycleForm } from './cycle-form';
import { KeyResultForm } from './key-result-form';
import { ObjectiveDetail } from './objective-detail';
import { ObjectiveForm } from './objective-form';
import type { PanelProps } from './panel-props';

/** The side panel's content (loaded lazily, see side-panel.tsx). */
export default function PanelBody(props: PanelProps) {
  const { panel } = props;
  switch (panel.kind) {
    case 'objective':
      return <ObjectiveDetail {...props} objectiveId={panel.objectiveId} />;
    case 'objective-form':
      return <ObjectiveForm {...props} objectiveId={panel.objectiveId} />;
    case 'key-result-form':
      return <KeyResultForm {...props} objectiveId={panel.objectiveId} keyResultId={panel.keyResultId} />;
    case 'check-in':
      return <CheckInPanel {...props} keyResult={panel.keyResult} />;
    case 'cycle-form':
      return <CycleForm {...props} />;
  }
}
