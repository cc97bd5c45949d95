import { createContext, useContext } from 'react';
import type { ComponentProps, ReactNode } from 'react';
import type { Me, ReadOnlyReason } from '../../../src/contract';
import { api } from '../api/client';
import { useAsync } from '../api/use-api';
import { t } from '../app/i18n';
import { Button } from './button';
import './read-only.css';

/**
 * Read-only mode: when me.get says the installation may not write (its license is not active; the
 * backend's one rule, src/usecases/shared/license.ts), every view shows one banner that cannot be
 * dismissed and its write controls stay visible but inert, giving the reason on hover and focus.
 */

/** The words for each reason me.get can give (the gate's UNLICENSED message says the same). */
const readOnlyWords = (reason: ReadOnlyReason): { title: string; short: string; detail: string } => ({
  title: t(`components.readOnly.${reason}.title`),
  short: t(`components.readOnly.${reason}.short`),
  detail: t(`components.readOnly.${reason}.detail`),
});

const BANNER_ID = 'cad-read-only-banner';

/** The reason in a sentence while the view is read-only; undefined while it may write (or me.get has not answered). */
const ReadOnlyContext = createContext<string | undefined>(undefined);

export const useReadOnly = (): string | undefined => useContext(ReadOnlyContext);

/** The reason in a sentence, from me.get's answer (undefined when writable); the banner says the rest. */
export const readOnlyText = (me: Pick<Me, 'readOnly' | 'readOnlyReason'> | undefined): string | undefined =>
  me?.readOnly === true ? readOnlyWords(me.readOnlyReason ?? 'license-inactive').short : undefined;

/** Gives `children` the read-only state and shows the banner above them when read-only. */
export function ReadOnlyProvider({
  me,
  children,
}: {
  me: Pick<Me, 'readOnly' | 'readOnlyReason'> | undefined;
  children: ReactNode;
}) {
  const reason = readOnlyText(me);
  return (
    <ReadOnlyContext.Provider value={reason}>
      {me?.readOnly === true ? <ReadOnlyBanner reason={me.readOnlyReason ?? 'license-inactive'} /> : null}
      {children}
    </ReadOnlyContext.Provider>
  );
}

/**
 * For views that do not load me.get themselves (team page, panel, gadget, macro): asks it once. Until it
 * answers the view counts as writable; the backend refuses a write anyway, so nothing is lost.
 */
export function ReadOnlyGate({ children }: { children: ReactNode }) {
  const me = useAsync(() => api['me.get']({}), []);
  return <ReadOnlyProvider me={me.data}>{children}</ReadOnlyProvider>;
}

/** The one banner: a warning message in the app's notice style, announced politely, with no close button. */
export function ReadOnlyBanner({ reason }: { reason: ReadOnlyReason }) {
  const text = readOnlyWords(reason);
  return (
    <div id={BANNER_ID} className="cad-message cad-message--warning cad-read-only" role="status">
      <strong>{text.title}</strong>
      <p className="cad-text">{text.detail}</p>
    </div>
  );
}

/**
 * A button that changes data. Read-only, it stays in place and focusable (aria-disabled, not disabled,
 * so keyboard users reach it and hear why) but does nothing; the reason shows on hover and on focus.
 */
export function WriteButton({ onClick, className, ...rest }: ComponentProps<typeof Button>) {
  const reason = useReadOnly();
  if (reason === undefined) return <Button onClick={onClick} className={className} {...rest} />;
  return (
    <Button
      {...rest}
      className={['cad-write--blocked', className ?? ''].filter(Boolean).join(' ')}
      aria-disabled="true"
      aria-describedby={BANNER_ID}
      title={reason}
      data-reason={reason}
      onClick={(event) => {
        event.preventDefault(); // also keeps a submit button from submitting its form
      }}
    />
  );
}
