import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Clock } from './clock-view';
import { defineStatusScheme, StatusBadge, statusStyle } from './status-badge';

const scheme = defineStatusScheme<'active' | 'closed'>({
  active: { label: 'Active', tone: 'success' },
  closed: { label: 'Closed', tone: 'neutral' },
});

describe('StatusBadge', () => {
  it('shows a status by its scheme: label and tone', () => {
    expect(renderToStaticMarkup(<StatusBadge status="active" scheme={scheme} />)).toBe(
      '<span class="badge badge--success">Active</span>',
    );
  });

  it('still reads a status this build does not know', () => {
    expect(statusStyle(scheme, 'on-hold')).toEqual({ label: 'On hold', tone: 'neutral' });
  });
});

describe('Clock', () => {
  const now = new Date('2026-03-14T09:00:00Z');

  it('says the deadline, its distance and, once passed, its own words', () => {
    const ahead = renderToStaticMarkup(
      <Clock at="2026-03-26T10:00:00Z" label="Expires" passedLabel="Expired" warnWithinDays={30} now={now} />,
    );
    expect(ahead).toContain('clock--warning');
    expect(ahead).toContain('Expires');
    expect(ahead).toContain('dateTime="2026-03-26T10:00:00Z"');
    expect(ahead).toContain('(in 12 days)');
    const passed = renderToStaticMarkup(
      <Clock at="2026-03-11T09:00:00Z" label="Expires" passedLabel="Expired" now={now} />,
    );
    expect(passed).toContain('clock--danger');
    expect(passed).toContain('Expired');
    expect(passed).toContain('(3 days ago)');
  });
});
