import { VettingIcon } from '../../ui/icons';
import type { ModuleDefinition } from '../module-definition';

export const vettingModule: ModuleDefinition = {
  path: '/vetting',
  title: 'Vetting',
  group: 'Assurance',
  icon: VettingIcon,
  description: 'Applicant eligibility, clearance casework and aftercare.',
  summary: 'Applicant eligibility, BPSS, CTC, SC and DV clearance casework, and aftercare reviews.',
  emptyState: {
    title: 'Clearance casework',
    body: 'Vetting casework: the eligibility of applicants, clearance cases at each level (BPSS, CTC, SC, DV) and aftercare reviews for people already cleared.',
    items: [
      'Applicant eligibility checks',
      'Clearance cases for BPSS, CTC, SC and DV, with their stage and owner',
      'Aftercare reviews and their due dates',
    ],
  },
  usedBy: ['vetting-officer'],
};
