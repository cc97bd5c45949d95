import { mount } from '../../app/mount';
import { ReadOnlyGate } from '../../components/read-only';
// After mount (which brings the CSS reset), so its height rule wins.
import '../../components/fit-content.css';
import { stringAt } from '../../components/extension';
import { TeamPage } from './team-page';

// Jira project page: the project comes from the context; its teams are the ones listing its key.
mount((context) => (
  <ReadOnlyGate>
    <TeamPage projectKey={stringAt(context.extension, 'project', 'key')} />
  </ReadOnlyGate>
));
