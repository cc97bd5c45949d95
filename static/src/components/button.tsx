import type { ComponentProps } from 'react';
import './base.css';

export type ButtonAppearance = 'default' | 'primary' | 'subtle' | 'link';

/**
 * A native <button> in the Atlassian look. Atlaskit's Button alone adds ~45 KB gzipped to a view, a
 * third of the panel's budget, so views that must stay small use this; the board may use Atlaskit's.
 * Defaults to type="button" so a button inside a form never submits it by accident. `ref` reaches the
 * <button> (React 19 passes it as a prop), for focus management.
 */
export function Button({
  appearance = 'default',
  className,
  type = 'button',
  ...rest
}: ComponentProps<'button'> & { appearance?: ButtonAppearance }) {
  const classes = ['cad-button', appearance === 'default' ? '' : `cad-button--${appearance}`, className ?? '']
    .filter(Boolean)
    .join(' ');
  return <button type={type} className={classes} {...rest} />;
}
