// Tokens and base styles first, so that component styles imported by the routes come after them.
import './styles/tokens.css';
import './styles/base.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './api/query-client';
import { createAppRouter } from './routes/router';
import { format } from './ui/format';

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

const container = document.getElementById('root');
if (!container) throw new Error('Lantern: #root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    {/* React Aria's date pickers and collation follow the one formatting rule (ui/format.ts). */}
    <I18nProvider locale={format.settings.locale}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
);
