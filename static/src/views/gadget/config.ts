import { asRecord } from '../../components/extension';

/**
 * The gadget's configuration, as its edit view submits it (view.submit(config)) and Jira hands it back
 * in context.extension.gadgetConfiguration. `cycleId: ''` follows the current cycle.
 */
export type GadgetMode = 'mine' | 'team';

export interface GadgetConfig {
  mode: GadgetMode;
  teamId: string;
  cycleId: string;
}

export const DEFAULT_GADGET_CONFIG: GadgetConfig = { mode: 'mine', teamId: '', cycleId: '' };

/** The saved configuration, or undefined while the gadget has never been configured. */
export const parseGadgetConfig = (raw: unknown): GadgetConfig | undefined => {
  const config = asRecord(raw);
  if (config === undefined) return undefined;
  const mode = config.mode === 'mine' || config.mode === 'team' ? config.mode : undefined;
  if (mode === undefined) return undefined;
  const teamId = typeof config.teamId === 'string' ? config.teamId : '';
  if (mode === 'team' && teamId === '') return undefined;
  return { mode, teamId, cycleId: typeof config.cycleId === 'string' ? config.cycleId : '' };
};
