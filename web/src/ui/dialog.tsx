import type { ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from './button';
import { CloseIcon } from './icons';
import './dialog.css';

export interface ModalDialogProps {
  title: string;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  children: ReactNode;
  /** Buttons under the content; the dialog always has a close button in its header. */
  footer?: ReactNode;
  /** `alertdialog` for a confirmation that interrupts (e.g. "Disable this account?"). */
  role?: 'dialog' | 'alertdialog';
  /** Closing by a click outside; off for forms, where it would lose what was typed. */
  isDismissable?: boolean;
}

/**
 * A modal dialog (React Aria Modal): the page behind is inert, focus moves into the dialog and is
 * kept there, Escape closes it, and focus returns to what opened it.
 */
export function ModalDialog({
  title,
  isOpen,
  onOpenChange,
  children,
  footer,
  role = 'dialog',
  isDismissable = false,
}: ModalDialogProps) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={isDismissable}
    >
      <Modal className="modal">
        <AriaDialog className="dialog" role={role}>
          {({ close }) => (
            <>
              <header className="dialog__header">
                <Heading slot="title" className="dialog__title">
                  {title}
                </Heading>
                <Button variant="ghost" size="sm" aria-label="Close" onClick={close}>
                  <CloseIcon width={16} height={16} />
                </Button>
              </header>
              <div className="dialog__body">{children}</div>
              {footer ? <footer className="dialog__footer">{footer}</footer> : null}
            </>
          )}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}
