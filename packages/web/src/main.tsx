import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyStoredTheme } from './theme/theme';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/forms.css';
import './styles/data.css';
import './styles/pages.css';
import './styles/catalogs.css';
import './styles/browser.css';
import './styles/control.css';
import './styles/systems.css';
import './styles/classification.css';
import './styles/methods.css';
import './styles/implementation.css';
import './styles/incidents.css';
import './styles/audits.css';

applyStoredTheme();

const container = document.getElementById('root');
if (!container) throw new Error('#root element missing from index.html');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
