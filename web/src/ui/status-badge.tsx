import { Badge, type BadgeTone } from './badge';

/** How one status reads: its label and its tone. */
export interface StatusStyle {
  label: string;
  tone: BadgeTone;
}

/** Every status of a record kind, with its label and tone: `defineStatusScheme<SourceStatus>({ … })`. */
export type StatusScheme<S extends string> = Readonly<Record<S, StatusStyle>>;

/** Declares a module's statuses once, so every table and page shows a status the same way. */
export function defineStatusScheme<S extends string>(scheme: StatusScheme<S>): StatusScheme<S> {
  return scheme;
}

/**
 * The style of a status. A status this build does not know (a newer server) still reads: "on-hold"
 * → "On hold", neutral. Pure.
 */
export function statusStyle<S extends string>(scheme: StatusScheme<S>, status: string): StatusStyle {
  const known = (scheme as Record<string, StatusStyle | undefined>)[status];
  if (known) return known;
  const words = status.replace(/[-_]+/g, ' ').trim();
  return { label: words.charAt(0).toUpperCase() + words.slice(1), tone: 'neutral' };
}

/** A record's status in a pill, from its scheme ("Authorised", green; "Cancelled", red). */
export function StatusBadge<S extends string>({ status, scheme }: { status: S; scheme: StatusScheme<S> }) {
  const style = statusStyle(scheme, status);
  return <Badge tone={style.tone}>{style.label}</Badge>;
}
