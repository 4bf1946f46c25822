import { userStatusSchema } from '#shared/contracts/admin';
import { listSearch } from '../../ui/table/list-search';

/** The users list's URL state: `?q=analyst&sort=-status&status=disabled`. */
export const usersSearch = listSearch({
  sortable: ['user', 'clearance', 'status'],
  defaultSort: 'user',
  pageSize: 25,
  filters: { status: userStatusSchema },
});
