import { createLazyRoute } from '@tanstack/react-router';
import { CommsPage } from './comms-page';

export const commsLazyRoute = createLazyRoute('/app/comms')({ component: CommsPage });
