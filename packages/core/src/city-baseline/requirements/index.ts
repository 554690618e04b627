import type { GroupDef } from '../types.js';
import { APPLICATION } from './application.js';
import { AWARENESS } from './awareness.js';
import { CONTINUITY } from './continuity.js';
import { DATA } from './data.js';
import { GOVERNANCE } from './governance.js';
import { HARDWARE } from './hardware.js';
import { IAM } from './iam.js';
import { INCIDENTS } from './incidents.js';
import { INFRASTRUCTURE } from './infrastructure.js';
import { LOGGING } from './logging.js';
import { OT_IOT } from './ot-iot.js';
import { SUPPLIERS } from './suppliers.js';

/** The groups of the catalog, in catalog order. */
export const CITY_BASELINE_GROUPS: readonly GroupDef[] = [
  IAM,
  DATA,
  APPLICATION,
  INFRASTRUCTURE,
  HARDWARE,
  OT_IOT,
  SUPPLIERS,
  LOGGING,
  INCIDENTS,
  CONTINUITY,
  GOVERNANCE,
  AWARENESS,
];
