import type { ReactNode } from 'react';

interface OverviewItemProps {
  label: string;
  /** Says more about the label, on hover. */
  hint?: string;
  value: ReactNode;
  valueTestId?: string;
  /** Something needs doing: the box is marked. */
  warning?: boolean;
  sub?: ReactNode;
  className?: string;
  children?: ReactNode;
}

/** One box of the plan's overview: a label, its value, and a line under it. */
export function OverviewItem({
  label,
  hint,
  value,
  valueTestId,
  warning,
  sub,
  className,
  children,
}: OverviewItemProps) {
  const classes = ['overview__item', className, warning ? 'overview__item--warning' : null].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <h3 className="overview__label" title={hint}>
        {label}
      </h3>
      <p className="overview__value" data-testid={valueTestId}>
        {value}
      </p>
      {children}
      {sub !== undefined && sub !== null && sub !== false && <p className="overview__sub">{sub}</p>}
    </div>
  );
}
