import { useEffect, useState } from 'react';
import type { AuthProviders } from '@samplan/api';
import { accessApi } from '../api/accessApi.ts';
import { nbAccess } from '../i18n/index.ts';
import './oidc.css';

/** Login providers the server offers (ID-porten, HelseID, a municipality's IdP); null until known. */
export function useAuthProviders(): AuthProviders | null {
  const [providers, setProviders] = useState<AuthProviders | null>(null);
  useEffect(() => {
    let cancelled = false;
    accessApi.providers().then(
      (result) => !cancelled && setProviders(result),
      () => !cancelled && setProviders({ registration: true, oidc: [] }),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return providers;
}

/**
 * A button per external login provider. They are ordinary links: the browser goes to the provider and comes back
 * to `returnTo` with a session.
 */
export function OidcButtons({ providers, returnTo }: { providers: AuthProviders | null; returnTo: string }) {
  if (!providers || providers.oidc.length === 0) return null;
  return (
    <div className="oidc-buttons">
      <p className="oidc-buttons__or">
        <span>{nbAccess.oidc.or}</span>
      </p>
      <ul>
        {providers.oidc.map((provider) => (
          <li key={provider.id}>
            <a
              className="button button--secondary oidc-buttons__button"
              href={`${provider.loginUrl}?returnTo=${encodeURIComponent(returnTo)}`}
              data-provider={provider.id}
            >
              {nbAccess.oidc.loginWith(provider.label)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
