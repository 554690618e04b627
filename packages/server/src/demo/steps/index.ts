import type { DemoStep } from '../context.js';
import { classificationStep } from './classification.js';
import { componentsStep } from './components.js';
import { detailsStep } from './details.js';
import { organisationStep } from './organisation.js';
import { registerStep } from './register.js';
import { requirementsStep } from './requirements.js';
import { trendStep } from './trend.js';

/**
 * The demo, in order. A later module appends its own step (e.g. `risksStep` after `details`);
 * steps find what earlier ones made in the context's maps. Keep `trend` last: it reads the
 * dashboard that every other step has filled.
 */
export const DEMO_STEPS: DemoStep[] = [
  organisationStep,
  registerStep,
  classificationStep,
  componentsStep,
  requirementsStep,
  detailsStep,
  trendStep,
];
