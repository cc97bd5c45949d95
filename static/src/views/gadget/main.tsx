import { mount } from '../../placeholder';

mount('gadget');
