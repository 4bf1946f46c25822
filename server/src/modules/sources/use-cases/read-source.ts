import type { AppContext } from '../../../app-context';
import type { UserScope } from '../../../platform/request-scope';
import { onSource, type SourceResult } from '../source-state';

/** One source the actor may see (else 404), with everything its page shows. Not the vault: not audited. */
export function readSource(ctx: AppContext, scope: UserScope, id: string): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'read', async () => {});
}
