import { useId } from 'react';
import { useCanEdit } from '../planDoc/PartScope.tsx';

export interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  className?: string;
}

export function CheckboxField({ label, checked, onChange, className }: CheckboxFieldProps) {
  const canEdit = useCanEdit();
  const id = useId();
  return (
    <div className={`checkbox ${className ?? ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={!canEdit}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
