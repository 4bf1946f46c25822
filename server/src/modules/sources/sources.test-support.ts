import { AppError } from '#server/platform/errors/index';

/** The refusal a use case throws (its code, rule and message); fails the test if it succeeds. */
export async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw error ?? new Error('expected a refusal');
  return {
    code: error.code,
    rule: error.details?.rule,
    message: error.message,
    fields: error.details?.fields,
  };
}
