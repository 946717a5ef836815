import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { nb } from '../i18n/index.ts';
import { Alert } from './Alert.tsx';

/** A page that could not be shown: its heading, why, and the way back to my plans. */
export function PageError({ title, message }: { title: string; message: string }) {
  return (
    <div className="narrow-page">
      <h1 tabIndex={-1}>{title}</h1>
      <Alert>{message}</Alert>
      <p>
        <Link to={paths.plans()}>{nb.plan.back}</Link>
      </p>
    </div>
  );
}
