import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { nb } from '../i18n/index.ts';

export function NotFoundPage() {
  usePageTitle(nb.notFound.title);
  return (
    <div className="narrow-page">
      <h1 tabIndex={-1}>{nb.notFound.title}</h1>
      <p>{nb.notFound.text}</p>
      <p>
        <Link to={paths.plans()}>{nb.nav.myPlans}</Link>
      </p>
    </div>
  );
}
