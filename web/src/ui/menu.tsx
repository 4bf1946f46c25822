import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { MoreIcon } from './icons';
import './popover.css';

export interface MenuAction {
  id: string;
  label: string;
  onAction: () => void;
  tone?: 'danger';
}

/**
 * A "more actions" button opening a menu (React Aria Menu: arrow keys, typeahead, Escape, focus
 * back to the button). `label` names the button for screen readers, e.g. "More actions for analyst".
 */
export function ActionMenu({ label, actions }: { label: string; actions: readonly MenuAction[] }) {
  return (
    <MenuTrigger>
      <Button className="button button--ghost button--sm button--icon" aria-label={label}>
        <MoreIcon />
      </Button>
      <Popover className="popover" placement="bottom end">
        <Menu
          className="menu"
          items={actions}
          onAction={(id) => actions.find((a) => a.id === id)?.onAction()}
        >
          {(action) => (
            <MenuItem
              className={`menu__item${action.tone ? ` menu__item--${action.tone}` : ''}`}
              id={action.id}
            >
              {action.label}
            </MenuItem>
          )}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
