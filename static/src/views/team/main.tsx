import { mount } from '../../placeholder';

mount('team');
