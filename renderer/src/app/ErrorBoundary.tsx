/**
 * The last line of defence: a rendering error shows a readable message and a way to go on, never a blank
 * window. Saved data is never at risk here (every edit was committed when its field was left).
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import i18next from '../i18n';

interface Props {
  children: ReactNode;
}
interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('interface error', error, info.componentStack);
  }

  private goHome = () => {
    window.location.hash = '#/';
    this.setState({ error: null });
  };

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const t = i18next.t.bind(i18next);
    return (
      <main className="fatal" role="alert">
        <h1>{t('errorBoundary.title')}</h1>
        <p>{t('errorBoundary.body')}</p>
        <details>
          <summary>{t('errorBoundary.details')}</summary>
          <pre>{error.message}</pre>
        </details>
        <div className="actions">
          <button type="button" className="primary" onClick={this.goHome}>
            {t('errorBoundary.home')}
          </button>
          <button type="button" onClick={() => window.location.reload()}>
            {t('errorBoundary.reload')}
          </button>
        </div>
      </main>
    );
  }
}
