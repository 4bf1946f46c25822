import { useEffect } from 'react';
import {
  Button,
  Text,
  UNSTABLE_Toast as AriaToast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastQueue as ToastQueue,
  UNSTABLE_ToastRegion as AriaToastRegion,
} from 'react-aria-components';
import { CloseIcon } from './icons';
import './toast.css';

export type ToastTone = 'success' | 'info' | 'danger';

interface ToastValue {
  tone: ToastTone;
  text: string;
}

/** The app's one queue; at most three toasts show, newest first. */
const queue = new ToastQueue<ToastValue>({ maxVisibleToasts: 3 });

const timeouts: Record<ToastTone, number | undefined> = { success: 6000, info: 8000, danger: undefined };

/**
 * A brief note of what just happened ("Read into Op KESTREL."). Successes and news leave by
 * themselves and are announced politely (role status); errors stay until closed and interrupt
 * (role alert). For errors that belong to a form, show them in the form instead.
 */
export const toast = {
  success: (text: string) => queue.add({ tone: 'success', text }, { timeout: timeouts.success }),
  info: (text: string) => queue.add({ tone: 'info', text }, { timeout: timeouts.info }),
  error: (text: string) => queue.add({ tone: 'danger', text }, { timeout: timeouts.danger }),
  clear: () => queue.clear(),
};

/** Rendered once, in the app shell: a landmark (F6 reaches it) holding the visible toasts. */
export function ToastRegion() {
  // Leaving the shell (signing out) leaves no news of the session behind for the next one.
  useEffect(() => () => queue.clear(), []);
  return (
    <AriaToastRegion className="toast-region" queue={queue} aria-label="Notifications">
      {({ toast: item }) => (
        <AriaToast className={`toast toast--${item.content.tone}`} toast={item}>
          <ToastContent
            className="toast__content"
            role={item.content.tone === 'danger' ? 'alert' : 'status'}
            aria-live={item.content.tone === 'danger' ? 'assertive' : 'polite'}
          >
            <Text slot="title" className="toast__text">
              {item.content.text}
            </Text>
          </ToastContent>
          <Button slot="close" className="toast__close" aria-label="Close">
            <CloseIcon width={14} height={14} />
          </Button>
        </AriaToast>
      )}
    </AriaToastRegion>
  );
}
