import { useState } from 'react';
import type { AdminUserView } from '#shared/contracts/admin';
import { Button } from '../../ui/button';
import { ModalDialog } from '../../ui/dialog';
import { ActionMenu, type MenuAction } from '../../ui/menu';
import { RefusalAlert } from '../../ui/refusal-alert';
import { toast } from '../../ui/toast';
import { resetMfa, setDisabled } from './admin.api';
import { useAdminMutation } from './use-admin-mutation';

type Change = 'disable' | 'enable' | 'reset-mfa';

const confirmations: Record<Change, { title: string; body: string; action: string; done: string }> = {
  disable: {
    title: 'Disable this account?',
    body: 'Its sessions end now and it cannot sign in until enabled again.',
    action: 'Disable account',
    done: 'disabled; its sessions have ended',
  },
  enable: {
    title: 'Enable this account?',
    body: 'It can sign in again with its password and two-step verification.',
    action: 'Enable account',
    done: 'enabled',
  },
  'reset-mfa': {
    title: 'Reset two-step verification?',
    body: 'For a lost authenticator: the user sets it up again at their next sign-in.',
    action: 'Reset two-step verification',
    done: 'can set up two-step verification again at next sign-in',
  },
};

/** A row's account actions, each confirmed in a dialog before it is sent. */
export function UserStatusMenu({ user }: { user: AdminUserView }) {
  const [change, setChange] = useState<Change | null>(null);
  const mutation = useAdminMutation((next: Change) =>
    next === 'reset-mfa' ? resetMfa(user.id) : setDisabled(user.id, next === 'disable'),
  );
  const actions: MenuAction[] = [
    user.status === 'active'
      ? { id: 'disable', label: 'Disable account', tone: 'danger', onAction: () => setChange('disable') }
      : { id: 'enable', label: 'Enable account', onAction: () => setChange('enable') },
  ];
  if (user.mfaEnrolled) {
    actions.push({
      id: 'reset-mfa',
      label: 'Reset two-step verification',
      onAction: () => setChange('reset-mfa'),
    });
  }
  const text = change ? confirmations[change] : undefined;
  const close = () => {
    setChange(null);
    mutation.reset();
  };

  return (
    <>
      <ActionMenu label={`More actions for ${user.username}`} actions={actions} />
      <ModalDialog
        title={text?.title ?? ''}
        role="alertdialog"
        isOpen={change !== null}
        onOpenChange={(open) => (open ? undefined : close())}
        footer={
          <>
            <Button variant="ghost" onClick={close}>
              Cancel
            </Button>
            <Button
              busy={mutation.isPending}
              onClick={() =>
                change &&
                mutation.mutate(change, {
                  onSuccess: () => {
                    toast.success(`${user.username} ${confirmations[change].done}.`);
                    close();
                  },
                })
              }
            >
              {text?.action}
            </Button>
          </>
        }
      >
        <p>
          <strong>{user.displayName}</strong> ({user.username}). {text?.body}
        </p>
        <RefusalAlert error={mutation.error} />
      </ModalDialog>
    </>
  );
}
