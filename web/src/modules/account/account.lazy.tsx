import { createLazyRoute } from '@tanstack/react-router';
import { SecurityPage } from './security-page';
import { TokensPage } from './tokens-page';

export const securityLazyRoute = createLazyRoute('/app/account/security')({ component: SecurityPage });
export const tokensLazyRoute = createLazyRoute('/app/account/tokens')({ component: TokensPage });
