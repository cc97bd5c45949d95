import type { ReactNode } from 'react';
import './lozenge.css';

/** Atlaskit's lozenge appearances, with the same meaning: success = good, removed = bad, moved = attention. */
export type LozengeAppearance = 'default' | 'success' | 'removed' | 'inprogress' | 'new' | 'moved';

/** A small status label (Atlaskit Lozenge look, without its ~70 KB gzipped of dependencies). */
export function Lozenge({
  appearance = 'default',
  bold = false,
  children,
  title,
}: {
  appearance?: LozengeAppearance;
  bold?: boolean;
  children: ReactNode;
  title?: string;
}) {
  return (
    <span className={`cad-lozenge cad-lozenge--${appearance}${bold ? ' cad-lozenge--bold' : ''}`} title={title}>
      {children}
    </span>
  );
}
