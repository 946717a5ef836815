import { useCanEdit } from '../planDoc/PartScope.tsx';

export function AddButton({
  label,
  onClick,
  variant = 'primary',
}: {
  label: string;
  onClick(): void;
  variant?: 'primary' | 'secondary';
}) {
  const canEdit = useCanEdit();
  if (!canEdit) return null;
  return (
    <button type="button" className={`button button--${variant} add-button`} onClick={onClick}>
      <span aria-hidden="true">+ </span>
      {label}
    </button>
  );
}
