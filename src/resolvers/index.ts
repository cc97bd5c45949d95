import Resolver from '@forge/resolver';
import { API_KEYS } from '../contract';
import { APP_VERSION } from '../contract/app-info';
import { runResolver } from './run-resolver';

/** Every resolver key the UI may invoke is defined here, once: exactly the contract's keys, plus app.info. */
const resolver = new Resolver();

resolver.define('app.info', () => ({ name: 'Cadence', version: APP_VERSION }));
for (const key of API_KEYS) {
  resolver.define(key, (request) => runResolver(key, request));
}

export const handler = resolver.getDefinitions();
