import type { Page } from '#shared/contracts/pagination';
import { Button } from '../button';
import { ChevronLeftIcon, ChevronRightIcon } from '../icons';
import { pagePosition } from './list-state';

/** "21–40 of 57", with previous and next; hidden when everything fits on one page. */
export function Pager({
  label,
  page,
  onOffsetChange,
}: {
  label: string;
  page: Page<unknown>;
  onOffsetChange: (offset: number) => void;
}) {
  const { current, count, first } = pagePosition(page);
  if (count <= 1) return null;
  const last = Math.min(page.total, page.offset + page.limit);
  return (
    <nav className="pager" aria-label={`Pages of ${label.toLowerCase()}`}>
      <p className="pager__status" aria-live="polite">
        {first}–{last} of {page.total} · page {current} of {count}
      </p>
      <Button
        variant="secondary"
        size="sm"
        disabled={current <= 1}
        onClick={() => onOffsetChange(Math.max(0, page.offset - page.limit))}
      >
        <ChevronLeftIcon width={16} height={16} />
        Previous
      </Button>
      <Button
        variant="secondary"
        size="sm"
        disabled={current >= count}
        onClick={() => onOffsetChange(page.offset + page.limit)}
      >
        Next
        <ChevronRightIcon width={16} height={16} />
      </Button>
    </nav>
  );
}
