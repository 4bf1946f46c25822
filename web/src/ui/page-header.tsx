import { type ReactNode, useEffect } from 'react';
import './page-header.css';

export interface PageHeaderProps {
  title: string;
  /** A short line under the title: what this page is for. */
  description?: ReactNode;
  /** Small text above the title, e.g. the module group. */
  eyebrow?: string;
  actions?: ReactNode;
}

export function PageHeader({ title, description, eyebrow, actions }: PageHeaderProps) {
  // The page's heading names the browser tab too, so history and tabs read "Sources · Lantern".
  useEffect(() => {
    document.title = `${title} · Lantern`;
  }, [title]);
  return (
    <header className="page-header">
      <div className="page-header__text">
        {eyebrow ? <p className="page-header__eyebrow">{eyebrow}</p> : null}
        <h1 className="page-header__title">{title}</h1>
        {description ? <p className="page-header__description">{description}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </header>
  );
}
