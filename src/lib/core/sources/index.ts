import { accessAnalyzerSource } from './access-analyzer/source';
import { budgetSource } from './budget/source';
import { cloudtrailSource } from './cloudtrail/source';
import { cloudwatchAlarmSource } from './cloudwatch-alarm/source';
import { costAnomalySource } from './cost-anomaly/source';
import { genericSource } from './generic/source';
import { guardDutySource } from './guardduty/source';
import { healthSource } from './health/source';
import { inspectorSource } from './inspector/source';
import { securityHubSource } from './security-hub/source';
import type { Source } from './source';

/**
 * The registry: every source, in the order the dispatcher offers a message to them. The generic
 * source is last, the fallback. The CLI, the fixture tests and the template's EventBridge rules read
 * this list; each Lambda function lists the few sources it serves itself (src/handlers/), so its
 * bundle holds only those.
 */
export const sources: readonly Source[] = [
  cloudtrailSource,
  cloudwatchAlarmSource,
  costAnomalySource,
  budgetSource,
  guardDutySource,
  securityHubSource,
  accessAnalyzerSource,
  inspectorSource,
  healthSource,
  genericSource,
];

export type { Reading, Source, SourceSettings } from './source';
