import type { ReactNode, SVGProps } from 'react';

/** Line icons drawn on a 24px grid; decorative, so hidden from assistive technology. */
function Icon({ children, ...rest }: SVGProps<SVGSVGElement> & { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      {children}
    </svg>
  );
}

export type IconComponent = (props: SVGProps<SVGSVGElement>) => ReactNode;

export const DashboardIcon: IconComponent = (props) => (
  <Icon {...props}>
    <rect x="3.5" y="3.5" width="7" height="8" rx="1.5" />
    <rect x="13.5" y="3.5" width="7" height="5" rx="1.5" />
    <rect x="13.5" y="11.5" width="7" height="9" rx="1.5" />
    <rect x="3.5" y="14.5" width="7" height="6" rx="1.5" />
  </Icon>
);

export const SourcesIcon: IconComponent = (props) => (
  <Icon {...props}>
    <circle cx="10" cy="8" r="3.5" />
    <path d="M3.5 20c.6-3.6 3.2-6 6.5-6 1.4 0 2.6.4 3.6 1.1" />
    <rect x="15" y="15.5" width="6" height="5" rx="1" />
    <path d="M16.5 15.5v-1.5a1.5 1.5 0 0 1 3 0v1.5" />
  </Icon>
);

export const InvestigationsIcon: IconComponent = (props) => (
  <Icon {...props}>
    <circle cx="10.5" cy="10.5" r="6" />
    <path d="m15 15 5.5 5.5" />
    <path d="M8 10.5h5M10.5 8v5" />
  </Icon>
);

export const CommsIcon: IconComponent = (props) => (
  <Icon {...props}>
    <circle cx="5.5" cy="12" r="2.5" />
    <circle cx="18.5" cy="5.5" r="2.5" />
    <circle cx="18.5" cy="18.5" r="2.5" />
    <path d="m7.8 10.9 8.4-4.2M7.8 13.1l8.4 4.2M18.5 8v8" />
  </Icon>
);

export const ThreatLevelIcon: IconComponent = (props) => (
  <Icon {...props}>
    <path d="M3.5 17a8.5 8.5 0 0 1 17 0" />
    <path d="m12 17 4-5" />
    <circle cx="12" cy="17" r="1.2" />
    <path d="M6 13.5 5 12.8M18 13.5l1-.7M12 8.5V7.3" />
  </Icon>
);

export const ShieldIcon: IconComponent = (props) => (
  <Icon {...props}>
    <path d="M12 3.5 19 6v5.5c0 4.3-2.9 7.7-7 9-4.1-1.3-7-4.7-7-9V6z" />
    <path d="m9 12 2.2 2.2L15.5 10" />
  </Icon>
);

export const ReportIcon: IconComponent = (props) => (
  <Icon {...props}>
    <path d="M4.5 5.5h15a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H10l-4.5 3.5v-3.5h-1a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1z" />
    <path d="M8 9.5h8M8 12.5h5" />
  </Icon>
);

export const PartnersIcon: IconComponent = (props) => (
  <Icon {...props}>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M3.5 12h17M12 3.5c2.3 2.3 3.4 5.1 3.4 8.5s-1.1 6.2-3.4 8.5c-2.3-2.3-3.4-5.1-3.4-8.5S9.7 5.8 12 3.5z" />
  </Icon>
);

export const VettingIcon: IconComponent = (props) => (
  <Icon {...props}>
    <rect x="3.5" y="5.5" width="17" height="13" rx="1.5" />
    <circle cx="9" cy="11" r="2" />
    <path d="M6 16c.5-1.4 1.6-2.2 3-2.2s2.5.8 3 2.2M14.5 10h3M14.5 13h3" />
  </Icon>
);

export const OversightIcon: IconComponent = (props) => (
  <Icon {...props}>
    <rect x="5" y="4.5" width="14" height="16" rx="1.5" />
    <path d="M9 4.5V3.5h6v1" />
    <path d="m9 13 2 2 4-4.5" />
  </Icon>
);

export const AdminIcon: IconComponent = (props) => (
  <Icon {...props}>
    <path d="M4 7h9M17 7h3M4 17h3M11 17h9" />
    <circle cx="15" cy="7" r="2" />
    <circle cx="9" cy="17" r="2" />
  </Icon>
);

export const SignOutIcon: IconComponent = (props) => (
  <Icon {...props}>
    <path d="M14 4.5H6.5a1 1 0 0 0-1 1v13a1 1 0 0 0 1 1H14" />
    <path d="M10.5 12h9.5M17 8.5l3.5 3.5-3.5 3.5" />
  </Icon>
);

export const LanternMark: IconComponent = (props) => (
  <Icon {...props}>
    <path d="M9 3.5h6M10 3.5v2.5h4V3.5" />
    <path d="M8 6h8l1.5 3v8.5L16 20H8l-1.5-2.5V9z" />
    <path d="M12 10c1.4 1.4 2 2.6 2 3.6a2 2 0 0 1-4 0c0-1 .6-2.2 2-3.6z" />
  </Icon>
);

export const ChevronDownIcon: IconComponent = (props) => (
  <Icon {...props}>
    <path d="m6 9.5 6 6 6-6" />
  </Icon>
);

export const ChevronLeftIcon: IconComponent = (props) => (
  <Icon {...props}>
    <path d="m14.5 6-6 6 6 6" />
  </Icon>
);

export const ChevronRightIcon: IconComponent = (props) => (
  <Icon {...props}>
    <path d="m9.5 6 6 6-6 6" />
  </Icon>
);

export const CalendarIcon: IconComponent = (props) => (
  <Icon {...props}>
    <rect x="4" y="5.5" width="16" height="14.5" rx="1.5" />
    <path d="M4 10h16M8.5 3.5v4M15.5 3.5v4" />
  </Icon>
);

export const CloseIcon: IconComponent = (props) => (
  <Icon {...props}>
    <path d="m6.5 6.5 11 11M17.5 6.5l-11 11" />
  </Icon>
);

export const MoreIcon: IconComponent = (props) => (
  <Icon {...props}>
    <circle cx="5.5" cy="12" r="1.3" />
    <circle cx="12" cy="12" r="1.3" />
    <circle cx="18.5" cy="12" r="1.3" />
  </Icon>
);

export const CheckIcon: IconComponent = (props) => (
  <Icon {...props}>
    <path d="m5 12.5 4.5 4.5L19 7.5" />
  </Icon>
);

export const SortIcon: IconComponent = (props) => (
  <Icon {...props}>
    <path d="m8 10 4-4 4 4M8 14l4 4 4-4" />
  </Icon>
);
