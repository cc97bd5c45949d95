import type { ReactNode } from 'react';
import { t } from '../app/i18n';
import { Button } from './button';
import { describeError } from './errors';
import './states.css';

/**
 * The three states every view has besides its content. Each says what is going on in words; the
 * error state always offers a retry (the call is simply made again).
 */

/** A spinner with words, announced politely. `inline` for a section inside a loaded view. */
export function LoadingState({ label, inline = false }: { label?: string; inline?: boolean }) {
  return (
    <div className={`cad-state${inline ? ' cad-state--inline' : ''}`} role="status">
      <span className="cad-spinner" aria-hidden="true" />
      <span>{label ?? t('components.states.loading')}</span>
    </div>
  );
}

export function EmptyState({
  title,
  description,
  action,
  headingLevel = 2,
}: {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  headingLevel?: 2 | 3 | 4;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="cad-state cad-state--empty">
      <Heading className="cad-heading-small">{title}</Heading>
      {description === undefined ? null : <div className="cad-subtle cad-state__text">{description}</div>}
      {action}
    </div>
  );
}

/** What went wrong in words (resolver messages are written for people) and a Retry calling `reload`. */
export function ErrorState({ error, reload, title }: { error: unknown; reload: () => void; title?: string }) {
  return (
    <div className="cad-message cad-message--error" role="alert">
      <strong>{title ?? t('components.states.loadFailed')}</strong>
      <p className="cad-text">{describeError(error)}</p>
      <div>
        <Button onClick={reload}>{t('components.states.retry')}</Button>
      </div>
    </div>
  );
}
