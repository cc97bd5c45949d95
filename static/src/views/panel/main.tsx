import { mount } from '../../placeholder';

mount('panel');
