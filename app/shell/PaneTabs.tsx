import { useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { tabAfterKey, type PaneTab } from './paneTabs';

/** One tab and the pane it shows. */
export interface PaneTabEntry {
  readonly id: PaneTab;
  /** The tab's words, which also name its panel. */
  readonly label: string;
  readonly panel: ReactNode;
}

interface PaneTabsProps {
  /** What the tab list is called by assistive technology. */
  readonly label: string;
  readonly tabs: readonly PaneTabEntry[];
  readonly selected: PaneTab;
  readonly onSelect: (tab: PaneTab) => void;
}

/**
 * The panes one at a time, as on a phone: the WAI-ARIA tabs pattern with
 * automatic activation (the panes are all rendered, so showing one costs
 * nothing). The tab list is one tab stop; the arrow keys, Home and End move
 * between the tabs. Hidden panes stay mounted: the editor keeps its undo
 * history and the output its scroll position. A pane hidden while it holds
 * the focus (Ctrl+Enter in the editor shows the output) hands the focus to
 * the chosen tab rather than dropping it on the page's body.
 */
export function PaneTabs({ label, tabs, selected, onSelect }: PaneTabsProps) {
  const prefix = useId();
  const tabId = (tab: PaneTab) => `${prefix}-tab-${tab}`;
  const panelId = (tab: PaneTab) => `${prefix}-panel-${tab}`;
  const root = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (active === null || root.current?.contains(active) !== true) return;
    if (active.closest('[role="tabpanel"][hidden]') === null) return;
    document.getElementById(`${prefix}-tab-${selected}`)?.focus();
  }, [prefix, selected]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const at = tabs.findIndex((tab) => tab.id === selected);
    const next = tabAfterKey(event.key, at, tabs.length);
    const tab = next === null ? undefined : tabs[next];
    if (tab === undefined) return;
    event.preventDefault();
    onSelect(tab.id);
    document.getElementById(tabId(tab.id))?.focus();
  };

  return (
    <div ref={root} className="pane-tabs">
      <div role="tablist" aria-label={label} className="pane-tabs-list" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            id={tabId(tab.id)}
            type="button"
            role="tab"
            aria-selected={tab.id === selected}
            aria-controls={panelId(tab.id)}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => {
              onSelect(tab.id);
            }}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          id={panelId(tab.id)}
          role="tabpanel"
          aria-labelledby={tabId(tab.id)}
          className="pane-tabs-panel"
          hidden={tab.id !== selected}
        >
          {tab.panel}
        </div>
      ))}
    </div>
  );
}
