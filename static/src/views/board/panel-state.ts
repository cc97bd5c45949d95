import type { BoardKeyResult } from '../../../../src/contract';

/** What the side panel shows. Plain data, so the board can open it from a row without any component. */
export type PanelState =
  | { readonly kind: 'objective'; readonly objectiveId: string }
  | { readonly kind: 'objective-form'; readonly objectiveId?: string }
  | { readonly kind: 'key-result-form'; readonly objectiveId: string; readonly keyResultId?: string }
  | { readonly kind: 'check-in'; readonly objectiveId: string; readonly keyResult: BoardKeyResult }
  | { readonly kind: 'cycle-form' };

/** Identity of a panel: a different one moves focus to its heading, a re-render of the same one does not. */
export const panelKey = (panel: PanelState): string => {
  switch (panel.kind) {
    case 'objective':
      return `objective:${panel.objectiveId}`;
    case 'objective-form':
      return `objective-form:${panel.objectiveId ?? 'new'}`;
    case 'key-result-form':
      return `key-result-form:${panel.objectiveId}:${panel.keyResultId ?? 'new'}`;
    case 'check-in':
      return `check-in:${panel.keyResult.id}`;
    case 'cycle-form':
      return 'cycle-form';
  }
};
