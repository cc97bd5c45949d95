import Resolver from '@forge/resolver';
import { APP_VERSION } from '../contract/app-info';

/** Every resolver key the UI may invoke is defined here, once. */
const resolver = new Resolver();

resolver.define('app.info', () => ({ name: 'Cadence', version: APP_VERSION }));

export const handler = resolver.getDefinitions();
