import { z } from 'zod';

// The vocabulary of the sources module (shared by server, web and CLI): a source's statuses and
// types, the roles held on a source, the statutory grounds, and the names of the rules a refusal
// sends in `details.rule`. LAW.md §1–3 is the reference.

/**
 * A source's life (RIPA Part II, CHIS Code 2022): prospect → approach-approved → recruited →
 * authorised ⇄ suspended → cancelled → closed. A prospect, an approach or a recruited source that
 * goes no further may be closed.
 */
export const sourceStatuses = [
  'prospect',
  'approach-approved',
  'recruited',
  'authorised',
  'suspended',
  'cancelled',
  'closed',
] as const;
export type SourceStatus = (typeof sourceStatuses)[number];
export const sourceStatusSchema = z.enum(sourceStatuses);

/** A member of the public, or an undercover officer (a "relevant source", SI 2013/2788). */
export const sourceTypes = ['member-of-public', 'undercover-officer'] as const;
export type SourceType = (typeof sourceTypes)[number];
export const sourceTypeSchema = z.enum(sourceTypes);

/**
 * The roles held on one source, each for a period: the s.29(5) arrangements (handler, controller,
 * record keeper) and the authorising officer the case is put to. Holding one reads the holder into
 * the source's compartment for the period.
 */
export const sourceRoles = ['handler', 'controller', 'record-keeper', 'authorising-officer'] as const;
export type SourceRole = (typeof sourceRoles)[number];
export const sourceRoleSchema = z.enum(sourceRoles);

/** RIPA s.29(3): the grounds an authorisation may be necessary on (an agency allows a subset, by config). */
export const statutoryGrounds = [
  'national-security',
  'crime-or-disorder',
  'economic-well-being',
  'public-safety',
  'public-health',
  'tax',
] as const;
export type StatutoryGround = (typeof statutoryGrounds)[number];
export const statutoryGroundSchema = z.enum(statutoryGrounds);

/** RIPA s.29B(5): the grounds a criminal conduct authorisation may be necessary on. */
export const ccaGrounds = ['national-security', 'crime-or-disorder', 'economic-well-being'] as const;
export type CcaGround = (typeof ccaGrounds)[number];
export const ccaGroundSchema = z.enum(ccaGrounds);

/** Confidential or legally privileged material the application expects (a higher level applies). */
export const expectedMaterials = ['none', 'confidential', 'legally-privileged'] as const;
export type ExpectedMaterial = (typeof expectedMaterials)[number];
export const expectedMaterialSchema = z.enum(expectedMaterials);

/** Routine (written, 12 months / 4 months juvenile), or urgent (oral, 72 hours, written up after). */
export const urgencies = ['routine', 'urgent'] as const;
export type Urgency = (typeof urgencies)[number];
export const urgencySchema = z.enum(urgencies);

/** Welfare records: security and welfare (reg. 3(e)), vulnerability, the juvenile enhanced risk assessment. */
export const assessmentKinds = ['risk', 'vulnerability', 'enhanced-risk'] as const;
export type AssessmentKind = (typeof assessmentKinds)[number];
export const assessmentKindSchema = z.enum(assessmentKinds);

/** What an application or a renewal stands at; an authorisation in force is `granted` before its expiry. */
export const decisionStates = ['applied', 'granted', 'refused', 'cancelled'] as const;
export type DecisionState = (typeof decisionStates)[number];

/** Compliance alerts (LAW.md §1): computed from the record, or raised by an event (contacts, break-glass). */
export const alertKinds = [
  'authorisation-expiring',
  'authorisation-expired',
  'review-overdue',
  'cca-notice-due',
  'write-up-due',
  'arrangements-lapsed',
  'contact-after-cancellation',
  'status-drift',
  'break-glass',
  'reassessment-overdue',
] as const;
export type AlertKind = (typeof alertKinds)[number];
export const alertKindSchema = z.enum(alertKinds);

/**
 * The rules a refusal names in `details.rule`. Statute first, so an inspector can look it up; the
 * message says the rest in plain words.
 */
export const sourceRules = {
  /** s.29(5)(a)–(c): a handler, a controller and a record keeper at all times. */
  arrangements: 'RIPA s.29(5)',
  /** The AO, the handler and the controller are three different people. */
  distinctPeople:
    'RIPA s.29(5); CHIS Code 2022: authorising officer, handler and controller are different people',
  /** Nobody authorises a case in which they hold a role. */
  ownCase: 'CHIS Code 2022: no authorising officer authorises a case in which they hold a role',
  /** Who holds a role on the source decides what they may do with it. */
  roleOnSource: 'RIPA s.29(5): the action belongs to a role on this source',
  necessity: 'RIPA s.29(2)-(3): necessary on a statutory ground the agency may use',
  /** 12 months, 72 hours when urgent (s.43(3)); the renewal runs on from the old expiry. */
  duration: 'RIPA s.43(3)',
  juvenileDuration: 'SI 2000/2793 art. 6 (as amended by SI 2018/715): 4 months for a juvenile',
  renewBeforeExpiry: 'RIPA s.43(4): renewed before the authorisation ceases to have effect',
  renewalReview:
    'RIPA s.43(6)-(7): a renewal needs a review of use, tasks and information since the last grant',
  cancellation: 'RIPA s.45: cancelled when the tests or the arrangements fail',
  juvenileParent:
    'SI 2000/2793 art. 3: an under-16 is never authorised against a parent or person with parental responsibility',
  juvenileRisk: 'SI 2000/2793 art. 5: an enhanced risk assessment for every juvenile',
  authorisationLevel:
    'CHIS Code 2022 (authorisation levels): juveniles, vulnerable sources and privileged material need the higher level',
  longTermUndercover:
    'SI 2013/2788 (relevant sources): beyond 12 months on an operation needs Judicial Commissioner approval',
  ccaParent: 'RIPA s.29B (CHIS (Criminal Conduct) Act 2021): only alongside a live source authorisation',
  ccaDesignated: 'RIPA s.29B (CHIS (Criminal Conduct) Act 2021): granted by a designated officer',
  ccaJuvenile:
    'RIPA s.29C (CHIS (Criminal Conduct) Act 2021): exceptional circumstances, no foreseeable harm, best interests',
  ccaNotice:
    'RIPA s.32C (CHIS (Criminal Conduct) Act 2021): a Judicial Commissioner is notified within 7 days',
  approach: 'CHIS Code 2022: a prospect is approached only after internal approval',
  /** An urgent oral grant is recorded in writing by the AO who gave it. */
  writeUp:
    'RIPA s.43(1)(a); CHIS Code 2022: an urgent oral authorisation is recorded in writing by its authorising officer',
  volunteers: 'CHIS Code 2022: a source volunteers; recruitment records that they do',
  statusDrift: 'RIPA s.26(8): a relationship used covertly needs an authorisation (status drift)',
  status:
    'Lantern sources: the status machine prospect → approach-approved → recruited → authorised → cancelled → closed',
  roleHistory: 'SI 2000/2725 reg. 3(h)-(i): every role holder and their periods are kept',
  identity: 'SI 2000/2725 reg. 3(a)-(b): the true identity is recorded before the source is authorised',
  vault:
    'need-to-know: the true identity is read by the source’s handler, controller and authorising officer only',
  breakGlass: 'need-to-know: break-glass access needs a stated reason and a second officer’s approval',
  uniquePseudonym: 'unique pseudonym: a pseudonym is unique among the sources its readers see',
  clearance: 'need-to-know: a role holder must hold the source’s markings',
} as const;
export type SourceRule = (typeof sourceRules)[keyof typeof sourceRules];
