import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initTransport } from './api';
import { I18nProvider } from './i18n';
import { App } from './App';
import './styles.css';

// Read the harness token from the URL fragment before anything else looks at the URL.
initTransport();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
