import { useState } from 'react';
import { useUser } from './user-directory';
import './owner.css';

const initialsOf = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('') || '?';

/**
 * A person: round avatar and display name (from Jira, cached; the account id until it arrives).
 * With `hideName` only the avatar shows and the name becomes its accessible name (avatar stacks).
 * `role` prefixes the accessible text: "Owner: Priya Raman".
 */
export function Owner({
  accountId,
  hideName = false,
  role,
  size = 'small',
}: {
  accountId: string;
  hideName?: boolean;
  role?: string;
  size?: 'small' | 'medium';
}) {
  const user = useUser(accountId);
  const [broken, setBroken] = useState<string | undefined>(undefined);
  const label = role === undefined ? user.displayName : `${role}: ${user.displayName}`;
  const showImage = user.avatarUrl !== undefined && broken !== user.avatarUrl;
  const avatar = showImage ? (
    <img
      className={`cad-avatar cad-avatar--${size}`}
      src={user.avatarUrl}
      alt={hideName ? label : ''}
      title={hideName ? label : undefined}
      onError={() => {
        setBroken(user.avatarUrl);
      }}
    />
  ) : (
    <span
      className={`cad-avatar cad-avatar--${size} cad-avatar--initials`}
      {...(hideName ? { role: 'img', 'aria-label': label, title: label } : { 'aria-hidden': true })}
    >
      {initialsOf(user.known ? user.displayName : '')}
    </span>
  );
  if (hideName) return avatar;
  return (
    <span className="cad-owner">
      {avatar}
      {role === undefined ? null : <span className="cad-visually-hidden">{role}: </span>}
      <span className="cad-owner__name">{user.displayName}</span>
    </span>
  );
}
