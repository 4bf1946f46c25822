import { createLazyRoute } from '@tanstack/react-router';
import { OversightPage } from './oversight-page';

export const oversightLazyRoute = createLazyRoute('/app/oversight')({ component: OversightPage });
