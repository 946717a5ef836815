import { Component, type ReactNode } from 'react';
import { Alert } from '../components/Alert.tsx';
import { nb } from '../i18n/index.ts';

interface Props {
  children: ReactNode;
  /** The page's address: going elsewhere shows the new page again. */
  path: string;
}

/**
 * What a page throws while it is shown (mostly a part of the app that could not be fetched, on a phone whose network
 * comes and goes) is said in words with a way to load the page again, instead of a blank screen. Nothing kept in
 * the browser is touched.
 */
export class PageErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidUpdate(previous: Props): void {
    if (previous.path !== this.props.path && this.state.failed) this.setState({ failed: false });
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const t = nb.pageFailed;
    return (
      <div className="narrow-page">
        <h1 tabIndex={-1}>{t.title}</h1>
        <Alert>{t.text}</Alert>
        <p>
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            {t.reload}
          </button>
        </p>
      </div>
    );
  }
}
