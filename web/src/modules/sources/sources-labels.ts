import { roleLabels } from '#shared/contracts/roles';
import type {
  AlertKind,
  AssessmentKind,
  CcaGround,
  ExpectedMaterial,
  QueueItemView,
  SourceFlagFilter,
  SourceFlags,
  SourceRole,
  SourceStatus,
  SourceType,
  StatutoryGround,
  Urgency,
} from '#shared/contracts/sources';
import type { Option } from '../../ui/select';
import { defineStatusScheme } from '../../ui/status-badge';

// How the sources module's vocabulary (shared/contracts/sources-rules.ts) reads on screen.

export const sourceStatusScheme = defineStatusScheme<SourceStatus>({
  prospect: { label: 'Prospect', tone: 'neutral' },
  'approach-approved': { label: 'Approach approved', tone: 'info' },
  recruited: { label: 'Recruited', tone: 'info' },
  authorised: { label: 'Authorised', tone: 'success' },
  suspended: { label: 'Suspended', tone: 'warning' },
  cancelled: { label: 'Cancelled', tone: 'danger' },
  closed: { label: 'Closed', tone: 'neutral' },
});

export const authorisationStateScheme = defineStatusScheme<
  'applied' | 'granted' | 'refused' | 'cancelled' | 'expired'
>({
  applied: { label: 'Awaiting decision', tone: 'info' },
  granted: { label: 'Granted', tone: 'success' },
  refused: { label: 'Refused', tone: 'danger' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
  expired: { label: 'Expired', tone: 'warning' },
});

export const sourceTypeLabels: Record<SourceType, string> = {
  'member-of-public': 'Member of the public',
  'undercover-officer': 'Undercover officer (relevant source)',
};

/** The type in a table cell. */
export const sourceTypeShortLabels: Record<SourceType, string> = {
  'member-of-public': 'Public',
  'undercover-officer': 'Undercover officer',
};

/** The roles held on a source read as the job roles of the same name. */
export function sourceRoleLabel(role: SourceRole): string {
  return roleLabels[role];
}

export const statutoryGroundLabels: Record<StatutoryGround, string> = {
  'national-security': 'In the interests of national security',
  'crime-or-disorder': 'Preventing or detecting crime or preventing disorder',
  'economic-well-being': 'The economic well-being of the UK (linked to national security)',
  'public-safety': 'In the interests of public safety',
  'public-health': 'Protecting public health',
  tax: 'Assessing or collecting tax, duty or levy',
};

export const ccaGroundLabels: Record<CcaGround, string> = {
  'national-security': statutoryGroundLabels['national-security'],
  'crime-or-disorder': statutoryGroundLabels['crime-or-disorder'],
  'economic-well-being': statutoryGroundLabels['economic-well-being'],
};

export const expectedMaterialLabels: Record<ExpectedMaterial, string> = {
  none: 'None expected',
  confidential: 'Confidential material',
  'legally-privileged': 'Legally privileged material',
};

export const urgencyLabels: Record<Urgency, string> = {
  routine: 'Routine (written)',
  urgent: 'Urgent (oral, 72 hours, then written up)',
};

export const assessmentKindLabels: Record<AssessmentKind, string> = {
  risk: 'Security and welfare risk assessment',
  vulnerability: 'Vulnerability assessment',
  'enhanced-risk': 'Enhanced risk assessment (juvenile)',
};

export const alertKindLabels: Record<AlertKind, string> = {
  'authorisation-expiring': 'Authorisation expiring',
  'authorisation-expired': 'Authorisation expired',
  'review-overdue': 'Review overdue',
  'cca-notice-due': 'Judicial Commissioner notice due',
  'write-up-due': 'Urgent grant not written up',
  'arrangements-lapsed': 'Arrangements lapsed',
  'contact-after-cancellation': 'Contact after cancellation',
  'status-drift': 'Possible status drift',
  'break-glass': 'Break-glass access',
  'reassessment-overdue': 'Risk re-assessment overdue',
};

/** The register's flag filters (sources-list-page.tsx). */
export const flagFilterLabels: Record<SourceFlagFilter, string> = {
  juvenile: 'Juvenile',
  vulnerable: 'Vulnerable',
  cca: 'Criminal conduct authorisation in force',
  lapsed: 'Arrangements lapsed',
};

export const queueKindLabels: Record<QueueItemView['kind'], string> = {
  approach: 'Approach',
  application: 'Application',
  renewal: 'Renewal',
  review: 'Review',
  cca: 'Criminal conduct authorisation',
};

/** The derived flags worth a badge, in the order a handler reads them; the tone says how pressing. */
export const flagBadges: readonly {
  flag: keyof SourceFlags;
  label: string;
  tone: 'warning' | 'danger' | 'info';
}[] = [
  { flag: 'under16', label: 'Under 16', tone: 'danger' },
  { flag: 'juvenile', label: 'Juvenile', tone: 'warning' },
  { flag: 'vulnerable', label: 'Vulnerable', tone: 'warning' },
  { flag: 'ccaInForce', label: 'CCA in force', tone: 'info' },
  { flag: 'arrangementsLapsed', label: 'Arrangements lapsed', tone: 'danger' },
  { flag: 'reviewOverdue', label: 'Review overdue', tone: 'danger' },
  { flag: 'expiringSoon', label: 'Expiring soon', tone: 'warning' },
];

/** `{ a: 'A' }` → options for a Select, in the record's order. */
export function optionsOf<K extends string>(labels: Record<K, string>): Option<K>[] {
  return (Object.keys(labels) as K[]).map((id) => ({ id, label: labels[id] }));
}
