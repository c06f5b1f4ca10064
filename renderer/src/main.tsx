import { StrictMode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { initTransport } from './api';
import { I18nProvider } from './i18n';
import { App } from './App';
import { queryClient } from './query';
import './styles.css';

// Read the harness token from the URL fragment before anything else looks at the URL.
initTransport();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <App />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
