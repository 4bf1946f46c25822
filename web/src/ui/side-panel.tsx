import { type ReactNode, useEffect, useRef } from 'react';
import { Dialog as AriaDialog, Heading } from 'react-aria-components';
import { Button } from './button';
import { CloseIcon } from './icons';
import './dialog.css';

export interface SidePanelProps {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A non-modal panel beside a list, kept in view while the list scrolls: the record being edited
 * opens where the user is looking, with focus moved into it (React Aria Dialog), and the list stays
 * usable (pick another row, and the panel follows). Escape or the close button closes it and returns
 * focus to what opened it. Render it keyed by the record so each record starts afresh.
 */
export function SidePanel({ title, onClose, children }: SidePanelProps) {
  const panel = useRef<HTMLElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const opener = document.activeElement;
    const element = panel.current;
    const onKeyDown = (event: KeyboardEvent) => {
      // An open list box or menu inside takes its own Escape first.
      if (event.key === 'Escape' && !event.defaultPrevented) close.current();
    };
    element?.addEventListener('keydown', onKeyDown);
    return () => {
      element?.removeEventListener('keydown', onKeyDown);
      // Back to the opener only if focus was in the panel (or went with it), not if the user has
      // moved on, e.g. to another row's Edit button.
      const active = document.activeElement;
      const focusWasHere = active === null || active === document.body || Boolean(element?.contains(active));
      if (focusWasHere && opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  return (
    <AriaDialog ref={panel} className="side-panel">
      <header className="dialog__header">
        <Heading slot="title" className="dialog__title">
          {title}
        </Heading>
        <Button variant="ghost" size="sm" aria-label="Close" onClick={onClose}>
          <CloseIcon width={16} height={16} />
        </Button>
      </header>
      <div className="side-panel__body">{children}</div>
    </AriaDialog>
  );
}
