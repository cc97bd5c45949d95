import { Component } from 'react';
import type { ReactNode } from 'react';
import { t } from './i18n';

/** Last line of defence: a render bug shows a message with a reload, never a blank frame. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override render(): ReactNode {
    if (this.state.error) {
      return (
        <div role="alert">
          <p>{t('components.errorBoundary.message', { message: this.state.error.message })}</p>
          <button
            type="button"
            onClick={() => {
              window.location.reload();
            }}
          >
            {t('components.errorBoundary.reload')}
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
