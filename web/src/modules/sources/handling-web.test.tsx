import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { particulars } from '#shared/contracts/sources-handling';
import { mondayOf, weekOf } from './handler-week';
import { pounds, tabOfRecord } from './handling-labels';
import { ContactItem } from './source-contacts';
import { sourceTabs } from './sources-search';

const officer = { id: 'u-1', displayName: 'Sam Carter' };

describe('the handling screens', () => {
  it('finds the Monday of a week and its bounds for the calendar', () => {
    expect(mondayOf(new Date('2027-03-10T15:00:00Z'))).toBe('2027-03-08');
    expect(mondayOf(new Date('2027-03-14T23:00:00Z'))).toBe('2027-03-08');
    expect(mondayOf(new Date('2027-03-08T00:00:00Z'))).toBe('2027-03-08');
    const week = weekOf('2027-03-08');
    expect(week.from).toBe('2027-03-08T00:00:00.000Z');
    expect(week.to).toBe('2027-03-15T00:00:00.000Z');
    expect(week.days).toHaveLength(7);
    expect(week.days.at(-1)).toBe('2027-03-14');
    expect([week.previous, week.next]).toEqual(['2027-03-01', '2027-03-15']);
  });

  it('links every place the record names to a tab of the source page', () => {
    const places = [
      'identity',
      'authorities',
      'overview',
      'handling/risk',
      'recruitment',
      'roles',
      'handling/taskings',
      'handling/contacts',
      'handling/intelligence',
      'handling/products',
      'handling/rewards',
    ];
    for (const place of places) expect(sourceTabs).toContain(tabOfRecord(place));
    expect(tabOfRecord('handling/taskings')).toBe('tasking');
    expect(tabOfRecord('handling/products')).toBe('intelligence');
    expect(particulars).toHaveLength(14);
  });

  it('shows amounts in pounds', () => {
    expect(pounds(125_000)).toBe('£1,250.00');
    expect(pounds(0)).toBe('£0.00');
  });

  it('shows a meeting plan with its attendees and flags a contact after cancellation', () => {
    const html = renderToStaticMarkup(
      <ul>
        <ContactItem
          c={{
            id: 'c-1',
            kind: 'meeting',
            state: 'planned',
            plannedAt: '2027-03-10T10:00:00Z',
            occurredAt: null,
            location: 'Car park, level 2',
            coverStory: 'Old school friends',
            safetyArrangements: 'Second officer nearby',
            fallbackContact: 'Text the agreed number',
            officers: [officer],
            otherAttendees: ['Pat Adult'],
            appropriateAdult: 'Pat Adult',
            summary: null,
            outcome: null,
            welfareNotes: null,
            flag: 'contact-after-cancellation',
            recordedBy: officer,
          }}
        />
      </ul>,
    );
    for (const text of [
      'Meeting',
      'Planned',
      'Contact after cancellation',
      'Car park, level 2',
      'Old school friends',
      'Second officer nearby',
      'Text the agreed number',
      'Sam Carter, Pat Adult',
    ])
      expect(html).toContain(text);
    expect(html).not.toContain('Record the outcome');
  });
});
