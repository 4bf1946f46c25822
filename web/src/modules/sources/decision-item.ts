import type { SourceView } from '#shared/contracts/sources';

/**
 * What an item of the AO's queue names among the source's requests to approach, applications, renewals, reviews and
 * CCAs (the queue's ids are theirs), with the authorisation it belongs to. Pure.
 */
export function findDecisionItem(source: SourceView, itemId: string) {
  const request = source.approachRequests.find((r) => r.id === itemId);
  if (request) return { kind: 'approach' as const, request };
  for (const a of source.authorisations) {
    if (a.id === itemId) return { kind: 'application' as const, authorisation: a };
    const renewal = a.renewals.find((r) => r.id === itemId);
    if (renewal) return { kind: 'renewal' as const, authorisation: a, renewal };
    const review = a.reviews.find((r) => r.id === itemId);
    if (review) return { kind: 'review' as const, authorisation: a, review };
  }
  const cca = source.ccas.find((c) => c.id === itemId);
  return cca ? { kind: 'cca' as const, cca } : undefined;
}

/** Whether the record says the actor may take this decision now. Pure. */
export function mayDecide(item: NonNullable<ReturnType<typeof findDecisionItem>>): boolean {
  switch (item.kind) {
    case 'approach':
      return item.request.abilities.decide;
    case 'application':
      return item.authorisation.abilities.decide;
    case 'renewal':
      return item.renewal.abilities.decide;
    case 'review':
      return item.review.abilities.consider;
    case 'cca':
      return item.cca.abilities.decide;
  }
}
