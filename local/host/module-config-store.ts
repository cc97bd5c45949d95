import { z } from 'zod';
import type { Db } from '../platform/db';

/**
 * Gadget and macro configuration submitted through `view.submit`, kept per module instance (localId)
 * in the runtime's database so it survives restarts, as the product stores it on Forge.
 */
export interface ModuleConfigStore {
  get(localId: string): Record<string, unknown> | undefined;
  set(localId: string, moduleKey: string, config: Record<string, unknown>): void;
}

const Row = z.object({ config_json: z.string() });
const ConfigObject = z.record(z.string(), z.unknown());

export const createModuleConfigStore = (db: Db, now: () => Date = () => new Date()): ModuleConfigStore => {
  db.exec(`CREATE TABLE IF NOT EXISTS host_module_config (
    local_id TEXT PRIMARY KEY,
    module_key TEXT NOT NULL,
    config_json TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`);
  const select = db.prepare('SELECT config_json FROM host_module_config WHERE local_id = ?');
  const upsert = db.prepare(`INSERT INTO host_module_config (local_id, module_key, config_json, updated_at)
    VALUES (?, ?, ?, ?)
    ON CONFLICT(local_id) DO UPDATE SET module_key = excluded.module_key, config_json = excluded.config_json, updated_at = excluded.updated_at`);
  return {
    get(localId) {
      const row = Row.optional().parse(select.get(localId));
      return row === undefined ? undefined : ConfigObject.parse(JSON.parse(row.config_json));
    },
    set(localId, moduleKey, config) {
      upsert.run(localId, moduleKey, JSON.stringify(config), now().toISOString());
    },
  };
};
