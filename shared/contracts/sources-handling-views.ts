import { z } from 'zod';
import { caveatSchema, classificationSchema } from './markings';
import {
  conductCategories,
  contactKinds,
  contactStates,
  handlingCodes,
  intelligenceGrades,
  particularStates,
  particulars,
  reassessmentTriggers,
  rewardKinds,
  rewardStates,
  riskAssessmentKinds,
  sourceEvaluations,
} from './sources-handling-rules';
import { officerRef } from './sources-views';

// What the handling routes answer (server/src/modules/sources/handling/): one source's handling
// record, its reg. 3 completeness, its timeline, the handler's calendar and dashboard, and the
// products other modules receive. Times are ISO strings; officers are named by id and display name.

const at = z.string();
const conduct = z.enum(conductCategories);

export const riskAssessmentView = z.object({
  id: z.string(),
  version: z.number().int(),
  kind: z.enum(riskAssessmentKinds),
  security: z.string(),
  welfare: z.string(),
  physicalWelfare: z.string().nullable(),
  psychologicalWelfare: z.string().nullable(),
  conductCovered: z.array(conduct),
  reviewBy: at,
  overdue: z.boolean(),
  correctsId: z.string().nullable(),
  correctionReason: z.string().nullable(),
  assessedBy: officerRef,
  assessedAt: at,
  /** reg. 3(f): the AO's confirmation, or null while it waits. */
  confirmation: z
    .object({
      by: officerRef,
      at,
      explainedToSource: z.boolean(),
      understoodBySource: z.boolean(),
      notes: z.string().nullable(),
    })
    .nullable(),
});
export type RiskAssessmentView = z.infer<typeof riskAssessmentView>;

export const conductScheduleView = z.object({
  id: z.string(),
  authorisationId: z.string(),
  categories: z.array(conduct),
  notes: z.string().nullable(),
  recordedBy: officerRef,
  recordedAt: at,
});

export const taskingView = z.object({
  id: z.string(),
  authorisationId: z.string(),
  conduct,
  description: z.string(),
  dueBy: z.string().nullable(),
  givenBy: officerRef,
  givenAt: at,
});

/** A task for the handler: a re-assessment raised by a trigger, due by a date. */
export const handlerTaskView = z.object({
  id: z.string(),
  trigger: z.enum(reassessmentTriggers),
  details: z.string(),
  dueAt: at,
  createdAt: at,
  doneAt: at.nullable(),
  overdue: z.boolean(),
});
export type HandlerTaskView = z.infer<typeof handlerTaskView>;

export const contactView = z.object({
  id: z.string(),
  kind: z.enum(contactKinds),
  state: z.enum(contactStates),
  plannedAt: at,
  occurredAt: at.nullable(),
  location: z.string().nullable(),
  coverStory: z.string().nullable(),
  safetyArrangements: z.string().nullable(),
  fallbackContact: z.string().nullable(),
  officers: z.array(officerRef),
  otherAttendees: z.array(z.string()),
  appropriateAdult: z.string().nullable(),
  summary: z.string().nullable(),
  outcome: z.string().nullable(),
  welfareNotes: z.string().nullable(),
  /** Contact with a source not authorised (status drift) or after cancellation. */
  flag: z.enum(['status-drift', 'contact-after-cancellation']).nullable(),
  recordedBy: officerRef,
});
export type ContactView = z.infer<typeof contactView>;

export const gradingView = z.object({
  sourceEvaluation: z.enum(sourceEvaluations),
  intelligenceGrade: z.enum(intelligenceGrades),
  handling: z.enum(handlingCodes),
  handlingConditions: z.string().nullable(),
  /** `1/A/P`, and the Admiralty (NATO) equivalent, e.g. `A1`. */
  code: z.string(),
  admiralty: z.string(),
});

export const reportView = z.object({
  id: z.string(),
  contactId: z.string().nullable(),
  reportedAt: at,
  report: z.string(),
  grading: gradingView,
  recordedBy: officerRef,
  recordedAt: at,
});

/** A sanitised product as released: no pointer back to its report or source. */
export const productView = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  text: z.string(),
  classification: classificationSchema,
  caveats: z.array(caveatSchema),
  handling: z.enum(handlingCodes),
  handlingConditions: z.string().nullable(),
  grading: z.string(),
  recipients: z.array(officerRef),
  releasedAt: at,
});
export type ProductView = z.infer<typeof productView>;

/** The products released to the caller (what Investigations receives). */
export const releasedProductsResponse = z.object({ items: z.array(productView) });

/** Inside the compartment: the product with its provenance (the report it came from). */
export const sourceProductView = productView.extend({ reportId: z.string(), releasedBy: officerRef });

export const rewardView = z.object({
  id: z.string(),
  kind: z.enum(rewardKinds),
  state: z.enum(rewardStates),
  amountPence: z.number().int(),
  description: z.string(),
  needsController: z.boolean(),
  requestedBy: officerRef,
  requestedAt: at,
  decidedBy: officerRef.nullable(),
  decidedAt: at.nullable(),
  reasons: z.string().nullable(),
  paidAt: at.nullable(),
  receiptReference: z.string().nullable(),
});

export const rewardTotalsView = z.object({
  /** Paid (and approved, not yet paid) over the source's life, in pence; offers apart. */
  paidPence: z.number().int(),
  approvedUnpaidPence: z.number().int(),
  offeredPence: z.number().int(),
  byYear: z.array(z.object({ year: z.number().int(), paidPence: z.number().int() })),
});

export const disclosureView = z.object({
  id: z.string(),
  person: z.string(),
  relationship: z.string(),
  disclosedOn: z.string(),
  advice: z.string(),
  recordedBy: officerRef,
  recordedAt: at,
});

export const handlingAbilities = z.object({
  assess: z.boolean(),
  confirmAssessment: z.boolean(),
  task: z.boolean(),
  contact: z.boolean(),
  report: z.boolean(),
  disseminate: z.boolean(),
  requestReward: z.boolean(),
  decideReward: z.boolean(),
});

/** One source's handling record (reg. 3(e)(f)(j)-(n)). */
export const handlingView = z.object({
  sourceId: z.string(),
  abilities: handlingAbilities,
  riskAssessments: z.array(riskAssessmentView),
  conductSchedules: z.array(conductScheduleView),
  taskings: z.array(taskingView),
  handlerTasks: z.array(handlerTaskView),
  contacts: z.array(contactView),
  reports: z.array(reportView),
  products: z.array(sourceProductView),
  rewards: z.array(rewardView),
  rewardTotals: rewardTotalsView,
  disclosures: z.array(disclosureView),
});
export type HandlingView = z.infer<typeof handlingView>;

/** reg. 3: each particular present, missing or not applicable, and where it is recorded (a tab). */
export const completenessView = z.object({
  sourceId: z.string(),
  complete: z.boolean(),
  particulars: z.array(
    z.object({
      particular: z.enum(particulars),
      title: z.string(),
      state: z.enum(particularStates),
      count: z.number().int(),
      /** Where the screen shows it: `identity`, `roles`, `handling/contacts`, … */
      recordedAt: z.string(),
    }),
  ),
});
export type CompletenessView = z.infer<typeof completenessView>;

export const timelineEntry = z.object({
  at,
  kind: z.string(),
  title: z.string(),
  by: officerRef.nullable(),
  subjectId: z.string().nullable(),
});
export const timelineView = z.object({ sourceId: z.string(), items: z.array(timelineEntry) });
export type TimelineView = z.infer<typeof timelineView>;

export const calendarItem = z.object({
  sourceId: z.string(),
  pseudonym: z.string(),
  urn: z.string(),
  contact: contactView,
});
export const calendarView = z.object({ from: at, to: at, items: z.array(calendarItem) });
export type CalendarView = z.infer<typeof calendarView>;

const sourceRef = z.object({ id: z.string(), pseudonym: z.string(), urn: z.string(), status: z.string() });

/** The handler's dashboard (my sources) and the controller's view (sources I control): the same clocks. */
export const dashboardView = z.object({
  asHandler: z.array(sourceRef),
  asController: z.array(sourceRef),
  meetingsThisWeek: z.array(calendarItem),
  tasksDue: z.array(handlerTaskView.extend({ source: sourceRef })),
  reviewsDue: z.array(z.object({ source: sourceRef, dueAt: at })),
  expiringAuthorisations: z.array(z.object({ source: sourceRef, expiresAt: at })),
  rewardsAwaitingDecision: z.array(
    z.object({ source: sourceRef, rewardId: z.string(), amountPence: z.number().int() }),
  ),
  alerts: z.array(z.object({ source: sourceRef, kind: z.string(), message: z.string(), at })),
});
export type DashboardView = z.infer<typeof dashboardView>;
