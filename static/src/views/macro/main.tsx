import { mount } from '../../placeholder';

mount('macro');
