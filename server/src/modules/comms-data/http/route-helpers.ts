import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../../app-context';
import { withActorTx } from '../../../platform/access/actor-tx';
import { actorOf } from '../../../platform/http/route-access';
import type { AnalysisRequest, Transact } from '../use-cases/run-analysis';
import { loadVisibleDataset, runAnalysis } from '../use-cases/run-analysis';
import type { CommsServices } from '../comms-services';

export const readAccess = { permission: 'comms:read' } as const;
export const importAccess = { permission: 'comms:import' } as const;

/** The request's transaction, run as its actor (so `visibleToActor` filters by them). */
export function actorTransact(ctx: AppContext, request: FastifyRequest): Transact {
  const actor = actorOf(request);
  return (work) => withActorTx(ctx, { actor, requestId: request.id }, work);
}

/** Names of the parameters a caller gave (audited; never their values). */
export function givenFields(...parts: (object | undefined)[]): string[] {
  const names = new Set<string>();
  for (const part of parts) {
    if (!part) continue;
    for (const [key, value] of Object.entries(part)) {
      if (value === undefined) continue;
      if (key === 'scope' && value && typeof value === 'object')
        for (const k of Object.keys(value)) names.add(`scope.${k}`);
      else names.add(key);
    }
  }
  return [...names].sort();
}

/** An analysis over the dataset in the path (and `alsoDatasets`), as the request's actor. */
export function analyse<T>(
  ctx: AppContext,
  services: CommsServices,
  request: FastifyRequest,
  datasetIds: string[],
  call: AnalysisRequest<T>,
): Promise<T> {
  const actor = actorOf(request);
  const ids = [...new Set(datasetIds)];
  return runAnalysis(
    services,
    actorTransact(ctx, request),
    async (tx) => Promise.all(ids.map((id) => loadVisibleDataset(tx, actor, id))),
    { actorId: actor.id, requestId: request.id },
    call,
  );
}
