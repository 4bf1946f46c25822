import { createLazyRoute } from '@tanstack/react-router';
import { AdminPage } from './admin-page';

export const adminLazyRoute = createLazyRoute('/app/admin')({ component: AdminPage });
