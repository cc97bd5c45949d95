import path from 'node:path';
import { writeCatalogs } from '../platform/i18n/catalogs';

/** `npm run build` (first step): merges locales/<locale>/*.json into the files manifest.yml names. */
const ROOT = path.resolve(__dirname, '..', '..');
for (const file of writeCatalogs(ROOT)) console.log(`wrote ${file}`);
