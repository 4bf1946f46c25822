import type { SourceFlags } from '#shared/contracts/sources';
import { Badge } from '../../ui/badge';
import { flagBadges } from './sources-labels';

/** The flags derived from a source's record, as badges; "Juvenile" is left out when "Under 16" says more. */
export function FlagList({ flags, empty = null }: { flags: SourceFlags; empty?: string | null }) {
  const shown = flagBadges.filter(({ flag }) => flags[flag] && !(flag === 'juvenile' && flags.under16));
  if (shown.length === 0) return empty ? <span className="sources-muted">{empty}</span> : null;
  return (
    <span className="flag-list">
      {shown.map(({ flag, label, tone }) => (
        <Badge key={flag} tone={tone}>
          {label}
        </Badge>
      ))}
    </span>
  );
}
