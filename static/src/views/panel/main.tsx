import { mount } from '../../app/mount';
import { ReadOnlyGate } from '../../components/read-only';
// After mount (which brings the CSS reset), so its height rule wins.
import '../../components/fit-content.css';
import { stringAt } from '../../components/extension';
import { PanelView } from './panel-view';

// Jira issue panel on epics: the issue comes from the context (the backend reads the same context).
mount((context) => (
  <ReadOnlyGate>
    <PanelView issueKey={stringAt(context.extension, 'issue', 'key')} />
  </ReadOnlyGate>
));
