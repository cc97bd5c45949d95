import { mount } from '../../app/mount';
import AdminApp from './admin-app';

// Jira admin page (jira:adminPage "cadence-settings"): the whole page is the settings view.
mount(() => <AdminApp />);
