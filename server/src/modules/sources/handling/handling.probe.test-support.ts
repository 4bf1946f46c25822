import type { ProbeFixture, ProbeUser } from '../../../../../test/matrix/probe-fixture';

// The handling routes in the outsider matrix: the sources probe's record gets one of each handling
// record (a risk assessment, a planned meeting, a graded report, a reward requested), every string
// carrying the canary, so every handling route reaches real rows. Registered by wrapping the sources
// probe in test/matrix/probe-fixtures.ts.

async function ok(res: { statusCode: number; body: string }, what: string) {
  if (res.statusCode >= 300) throw new Error(`handling probe ${what}: ${res.statusCode} ${res.body}`);
  return JSON.parse(res.body);
}

/** Adds a risk assessment, a planned meeting, a report and a reward to the source `id`. */
export async function createHandlingRecords(owner: ProbeUser, id: string, canary: string) {
  const text = (what: string) => `${canary} ${what}`;
  const post = async (path: string, body: unknown) =>
    ok(await owner.client.request('POST', `/api/sources/${id}${path}`, body), path);
  const assessed = await post('/risk-assessments', {
    kind: 'risk',
    security: text('security'),
    welfare: text('welfare'),
    conductCovered: ['attend-meetings'],
  });
  const planned = await post('/contacts', {
    kind: 'meeting',
    at: '2030-01-01T10:00:00Z',
    location: text('place'),
    coverStory: text('cover'),
    safetyArrangements: text('safety'),
    fallbackContact: text('fallback'),
  });
  const reported = await post('/intelligence', {
    report: text('report'),
    sourceEvaluation: '2',
    intelligenceGrade: 'C',
    handling: 'P',
  });
  const rewarded = await post('/rewards', {
    kind: 'expenses',
    amountPence: 1000,
    description: text('expenses'),
  });
  return {
    assessmentId: assessed.riskAssessments[0].id as string,
    contactId: planned.contacts[0].id as string,
    reportId: reported.reports[0].id as string,
    rewardId: rewarded.rewards[0].id as string,
  };
}

/** The sources probe with the handling records and their path parameters. */
export function withHandling(base: ProbeFixture): ProbeFixture {
  // The base fills its values in as it creates (the officers it makes): copied after each create.
  const named: Record<string, unknown> = {
    officerIds: [],
    from: '2029-12-31T00:00:00Z',
    to: '2030-01-08T00:00:00Z',
    at: '2030-01-02T10:00:00Z',
    disclosedOn: '2020-01-01',
    dueBy: '2030-01-01',
    reviewBy: '2030-01-01',
    paidAt: '2030-01-01T10:00:00Z',
    reportedAt: '2030-01-01T10:00:00Z',
  };
  return {
    ...base,
    recordParams: [...base.recordParams, 'assessmentId', 'contactId', 'reportId', 'rewardId'],
    named,
    async create(kit, owner, marking, canary) {
      const record = await base.create(kit, owner, marking, canary);
      Object.assign(named, base.named, { recipientIds: [owner.user.id] });
      const handling = await createHandlingRecords(owner, record.params.id!, canary);
      return { ...record, params: { ...record.params, ...handling } };
    },
  };
}
