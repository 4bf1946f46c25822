import type {
  ConductCategory,
  ContactKind,
  ContactState,
  ParticularState,
  ReassessmentTrigger,
  RewardKind,
  RewardState,
  RiskAssessmentKind,
} from '#shared/contracts/sources-handling';
import { defineStatusScheme } from '../../ui/status-badge';
import type { SourceTab } from './sources-search';

// How the handling vocabulary (shared/contracts/sources-handling-rules.ts) reads on screen.

export const conductLabels: Record<ConductCategory, string> = {
  'maintain-relationship': 'Maintain the relationship',
  'attend-meetings': 'Attend meetings',
  'report-information': 'Report information',
  'introduce-officer': 'Introduce an officer',
  'record-conversations': 'Record conversations',
  'obtain-documents': 'Obtain documents',
  'online-activity': 'Online activity',
  travel: 'Travel',
};

export const riskKindLabels: Record<RiskAssessmentKind, string> = {
  risk: 'Security and welfare',
  'enhanced-risk': 'Enhanced (juvenile: physical and psychological welfare)',
};

export const contactKindLabels: Record<ContactKind, string> = {
  meeting: 'Meeting',
  call: 'Call',
  message: 'Message',
};

export const contactStateScheme = defineStatusScheme<ContactState>({
  planned: { label: 'Planned', tone: 'info' },
  held: { label: 'Held', tone: 'success' },
  missed: { label: 'Missed', tone: 'danger' },
  'called-off': { label: 'Called off', tone: 'neutral' },
});

export const triggerLabels: Record<ReassessmentTrigger, string> = {
  'tasking-outside-assessment': 'A task outside the last assessment',
  'compromise-indicator': 'A compromise indicator',
  'payment-threshold': 'A payment above the threshold',
  'missed-meeting': 'A missed meeting',
  disclosure: 'A disclosure',
  'enhanced-out-of-date': 'The enhanced assessment is out of date',
};

export const rewardKindLabels: Record<RewardKind, string> = {
  offer: 'Offer',
  payment: 'Payment',
  benefit: 'Benefit',
  expenses: 'Expenses',
};

export const rewardStateScheme = defineStatusScheme<RewardState>({
  requested: { label: 'Awaiting decision', tone: 'info' },
  approved: { label: 'Approved', tone: 'warning' },
  refused: { label: 'Refused', tone: 'danger' },
  paid: { label: 'Paid', tone: 'success' },
});

export const particularStateScheme = defineStatusScheme<ParticularState>({
  present: { label: 'Present', tone: 'success' },
  missing: { label: 'Missing', tone: 'danger' },
  'not-applicable': { label: 'Not applicable', tone: 'neutral' },
});

export const sourceEvaluationLabels = {
  '1': '1 — reliable',
  '2': '2 — untested',
  '3': '3 — not reliable',
} as const;

export const intelligenceGradeLabels = {
  A: 'A — known directly to the source',
  B: 'B — known indirectly, corroborated',
  C: 'C — known indirectly',
  D: 'D — not known',
  E: 'E — suspected to be false',
} as const;

export const handlingCodeLabels = {
  P: 'P — lawful sharing permitted',
  C: 'C — lawful sharing permitted with conditions',
} as const;

/** Pence as pounds: `£1,250.00`. Pure. */
export function pounds(pence: number): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(pence / 100);
}

/** Where the completeness report's `recordedAt` is shown: the tab of the source's page. Pure. */
export function tabOfRecord(recordedAt: string): SourceTab {
  const tabs: Record<string, SourceTab> = {
    identity: 'identity',
    roles: 'roles',
    authorities: 'overview',
    overview: 'overview',
    recruitment: 'overview',
    'handling/risk': 'risk',
    'handling/taskings': 'tasking',
    'handling/contacts': 'contacts',
    'handling/intelligence': 'intelligence',
    'handling/products': 'intelligence',
    'handling/rewards': 'rewards',
    'handling/disclosures': 'disclosures',
  };
  return tabs[recordedAt] ?? 'overview';
}
