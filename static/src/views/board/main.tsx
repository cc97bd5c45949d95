import { mount } from '../../placeholder';

mount('board');
