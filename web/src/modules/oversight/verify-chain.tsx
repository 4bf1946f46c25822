import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AuditVerifyResponse } from '#shared/contracts/audit';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { format } from '../../ui/format';
import { verifyAuditChain } from './audit.api';

function Result({ result }: { result: AuditVerifyResponse }) {
  if (result.ok) {
    const cp = result.lastCheckpoint;
    return (
      <Alert tone="success" title="Chain OK">
        <p>
          {result.count} events verified.{' '}
          {cp
            ? `Last signed checkpoint: ${cp.treeSize} events at ${format.dateTimeSeconds(cp.at)} (key ${cp.keyId}).`
            : 'No signed checkpoint yet; the events are protected by the hash chain alone.'}
          {result.uncheckpointed && result.uncheckpointed !== '0'
            ? ` ${result.uncheckpointed} events since the last checkpoint.`
            : ''}
        </p>
      </Alert>
    );
  }
  return (
    <Alert tone="danger" title="Chain broken">
      <p>
        {result.firstBadSeq ? `First bad event: #${result.firstBadSeq}. ` : ''}
        Reason: {result.reason}.
      </p>
      {result.detail ? <p>{result.detail}</p> : null}
    </Alert>
  );
}

/** Runs the server-side verification of the hash chain and signed checkpoints; itself audited. */
export function VerifyChain() {
  const queryClient = useQueryClient();
  const verify = useMutation({
    mutationFn: verifyAuditChain,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['audit'] }),
  });
  return (
    <div className="verify-chain">
      <Button variant="secondary" busy={verify.isPending} onClick={() => verify.mutate()}>
        Verify chain
      </Button>
      {verify.data ? <Result result={verify.data} /> : null}
      {verify.error ? (
        <Alert tone="danger" title="Verification could not run">
          {verify.error.message}
        </Alert>
      ) : null}
    </div>
  );
}
