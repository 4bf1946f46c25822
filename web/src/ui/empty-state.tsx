import type { ReactNode } from 'react';
import './empty-state.css';

export interface EmptyStateProps {
  icon?: ReactNode;
  title: string;
  children: ReactNode;
  /** A concrete list of what will appear here. */
  items?: readonly string[];
  itemsHeading?: string;
  footer?: ReactNode;
}

export function EmptyState({ icon, title, children, items, itemsHeading, footer }: EmptyStateProps) {
  return (
    <section className="empty-state" aria-label={title}>
      {icon ? (
        <div className="empty-state__icon" aria-hidden="true">
          {icon}
        </div>
      ) : null}
      <div className="empty-state__content">
        <h2 className="empty-state__title">{title}</h2>
        <div className="empty-state__body">{children}</div>
        {items && items.length > 0 ? (
          <div className="empty-state__items">
            {itemsHeading ? <h3 className="empty-state__items-heading">{itemsHeading}</h3> : null}
            <ul>
              {items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {footer ? <div className="empty-state__footer">{footer}</div> : null}
      </div>
    </section>
  );
}
