import type { ReactNode } from 'react';
import './alert.css';

export type AlertTone = 'danger' | 'warning' | 'info' | 'success';

export interface AlertProps {
  tone?: AlertTone;
  title?: string;
  children: ReactNode;
  /**
   * Errors interrupt (`alert`); other news waits its turn (`status`). Pass one to override,
   * e.g. `note` for static guidance that should not be announced at all.
   */
  role?: 'alert' | 'status' | 'note';
}

const defaultRole: Record<AlertTone, 'alert' | 'status'> = {
  danger: 'alert',
  warning: 'alert',
  info: 'status',
  success: 'status',
};

export function Alert({ tone = 'info', title, children, role }: AlertProps) {
  return (
    <div className={`alert alert--${tone}`} role={role ?? defaultRole[tone]}>
      <span className="alert__marker" aria-hidden="true" />
      <div className="alert__body">
        {title ? <p className="alert__title">{title}</p> : null}
        <div className="alert__message">{children}</div>
      </div>
    </div>
  );
}
