import { Component } from 'react';
import type { ReactNode } from 'react';

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
          <p>Something went wrong while showing this view: {this.state.error.message}</p>
          <button
            type="button"
            onClick={() => {
              window.location.reload();
            }}
          >
            Reload
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
