// Last line of defence: a rendering error shows a message and a reload button instead of a blank page.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { MESSAGES } from '../i18n/messages';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Page failed to render:', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    // Outside the i18n context on purpose (it may be what failed), so both languages are shown.
    const zh = MESSAGES['zh-CN'];
    const en = MESSAGES.en;
    return (
      <div className="ob-not-found" role="alert" data-testid="page-error">
        <h1>{zh['app.crashed']}</h1>
        <p className="ob-muted">{en['app.crashed']}</p>
        <p className="ob-muted">{error.message}</p>
        <button type="button" className="ob-button" onClick={() => window.location.reload()}>
          {zh['app.reload']} / {en['app.reload']}
        </button>
      </div>
    );
  }
}
