/** A coloured label for a status; the colour only repeats what the text says. */
export function StatusBadge({ status, label }: { status: string; label: string }) {
  return (
    <span className={`status-badge status-badge--${status}`} data-status={status}>
      {label}
    </span>
  );
}
