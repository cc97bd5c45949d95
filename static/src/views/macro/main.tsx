import { mount } from '../../app/mount';
import { ReadOnlyGate } from '../../components/read-only';
// After mount (which brings the CSS reset), so its height rule wins.
import '../../components/fit-content.css';
import { booleanAt, valueAt } from '../../components/extension';
import { MacroRoot } from './macro-root';

// Confluence macro: the same resource renders the config dialog (isConfiguring) and the page content.
mount((context) => (
  <ReadOnlyGate>
    <MacroRoot
      configuring={booleanAt(context.extension, 'macro', 'isConfiguring')}
      config={valueAt(context.extension, 'config')}
    />
  </ReadOnlyGate>
));
