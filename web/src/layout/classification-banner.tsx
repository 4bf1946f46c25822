import './classification-banner.css';

/** The protective marking of the whole system, shown at the top and bottom of every screen. */
export const SYSTEM_MARKING = 'OFFICIAL-SENSITIVE';

export function ClassificationBanner({ position }: { position: 'top' | 'bottom' }) {
  // Announced once (top); the bottom strip repeats it for the eye only.
  return position === 'top' ? (
    <div
      className="classification classification--top"
      role="note"
      aria-label={`Classification: ${SYSTEM_MARKING}`}
    >
      {SYSTEM_MARKING}
    </div>
  ) : (
    <div className="classification classification--bottom" aria-hidden="true">
      {SYSTEM_MARKING}
    </div>
  );
}
