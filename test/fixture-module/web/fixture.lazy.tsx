import { createLazyRoute } from '@tanstack/react-router';
import { FixturePage } from './fixture-page';

export const fixtureLazyRoute = createLazyRoute('/app/fixture')({ component: FixturePage });
