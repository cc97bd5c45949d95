import type { ReactNode } from 'react';
import type { LeftOut } from '../../../src/contract/review';
import { t } from '../app/i18n';
import { formatDay } from './format';
import { Owner } from './owner';
import './left-out.css';

/**
 * A "not this cycle" list, read-only: each item's title, why (muted) and who added it when; `actions`
 * adds controls to an item (remove, carry forward). Shared by the team page, the board and the macro.
 */
export function LeftOutItems({
  items,
  label,
  actions,
}: {
  items: readonly LeftOut[];
  label: string;
  actions?: (item: LeftOut) => ReactNode;
}) {
  return (
    <ul className="cad-left-out" aria-label={label}>
      {items.map((item) => (
        <li key={item.id} className="cad-left-out__item" data-left-out={item.id}>
          <div className="cad-left-out__text">
            <span className="cad-left-out__title">{item.title}</span>
            {item.why === undefined ? null : <span className="cad-left-out__why">{item.why}</span>}
            <span className="cad-left-out__by">
              {item.carriedFromId === undefined ? t('leftout.item.addedBy') : t('leftout.item.carriedBy')}{' '}
              <Owner accountId={item.createdByAccountId} />
              <span className="cad-subtlest"> · {formatDay(item.createdAt)}</span>
            </span>
          </div>
          {actions === undefined ? null : <div className="cad-left-out__actions">{actions(item)}</div>}
        </li>
      ))}
    </ul>
  );
}
