import { mount } from '../../app/mount';
import { ReadOnlyGate } from '../../components/read-only';
// After mount (which brings the CSS reset), so its height rule wins.
import '../../components/fit-content.css';
import { stringAt, valueAt } from '../../components/extension';
import { GadgetRoot } from './gadget-root';

// Dashboard gadget: the same resource is its edit view (entryPoint 'edit') and its view.
mount((context) => (
  <ReadOnlyGate>
    <GadgetRoot
      editing={stringAt(context.extension, 'entryPoint') === 'edit'}
      config={valueAt(context.extension, 'gadgetConfiguration')}
      accountId={context.accountId}
    />
  </ReadOnlyGate>
));
