import type { ReactNode } from 'react';
import {
  Tab as AriaTab,
  TabList as AriaTabList,
  TabPanel as AriaTabPanel,
  Tabs as AriaTabs,
} from 'react-aria-components';
import './tabs.css';

export interface TabItem {
  id: string;
  label: string;
  content: ReactNode;
}

/**
 * Tabs (React Aria: arrow keys move between tabs, each panel labelled by its tab). Only the
 * selected panel is rendered.
 */
export function Tabs({
  label,
  items,
  selected,
  onSelectionChange,
}: {
  /** What the tab list is, for screen readers ("Edit analyst"). */
  label: string;
  items: readonly TabItem[];
  selected?: string;
  onSelectionChange?: (id: string) => void;
}) {
  return (
    <AriaTabs
      className="tabs"
      selectedKey={selected}
      onSelectionChange={onSelectionChange ? (key) => onSelectionChange(String(key)) : undefined}
    >
      <AriaTabList className="tabs__list" aria-label={label} items={items}>
        {(item) => (
          <AriaTab className="tabs__tab" id={item.id}>
            {item.label}
          </AriaTab>
        )}
      </AriaTabList>
      {items.map((item) => (
        <AriaTabPanel key={item.id} className="tabs__panel" id={item.id}>
          {item.content}
        </AriaTabPanel>
      ))}
    </AriaTabs>
  );
}
