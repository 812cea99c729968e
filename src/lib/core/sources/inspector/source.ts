import { belowThreshold } from '../../findings/threshold';
import { lookup } from '../../lookup';
import { eventBridgeEventSchema } from '../../schemas/eventbridge';
import { parseAt } from '../../schemas/parse';
import { isEventOf } from '../shapes';
import type { Reading, Source } from '../source';
import { inspectorNotification } from './interpret';
import { inspectorFindingSchema } from './schema';
import { inspectorClosedStatuses, inspectorSeverities, inspectorThresholds } from './severity';

const SOURCE = 'aws.inspector2';
const DETAIL_TYPE = 'Inspector2 Finding';
const DETAIL_TYPES = [DETAIL_TYPE];

/**
 * Amazon Inspector findings (software vulnerabilities, code, network reachability): a CLOSED
 * finding is a resolved notification, a SUPPRESSED one is ignored by name.
 * @see https://docs.aws.amazon.com/inspector/latest/user/eventbridge-integration.html
 */
export const inspectorSource: Source = {
  id: 'inspector',
  matches: (item) => isEventOf(item, SOURCE, DETAIL_TYPES),
  read(item, settings): Reading {
    const event = parseAt(eventBridgeEventSchema, item.payload, item.path, 'EventBridge event');
    const base = `${item.path ? `${item.path}.` : ''}detail`;
    const finding = parseAt(inspectorFindingSchema, event.detail, base, 'Inspector finding');
    const closed = lookup(inspectorClosedStatuses, finding.status);
    if (closed === 'ignored') {
      return {
        kind: 'ignored',
        rule: 'finding-suppressed',
        reason: `Inspector finding ${finding.findingArn} is suppressed`,
      };
    }
    const severity = closed ?? lookup(inspectorSeverities, finding.severity) ?? 'info';
    return (
      belowThreshold(severity, settings.findingsMinSeverity) ?? {
        kind: 'notify',
        build: (ctx) => inspectorNotification(event, finding, severity, ctx),
      }
    );
  },
  deploy: {
    function: 'apiCall',
    eventPatterns: ({ findingsMinSeverity = 'warning' }) => {
      const labels = inspectorThresholds[findingsMinSeverity];
      return [
        {
          name: 'inspector-findings',
          ruleIds: ['inspector', labels ? `severity ${labels.join('|')}` : 'all severities'],
          pattern: {
            source: [SOURCE],
            'detail-type': [DETAIL_TYPE],
            ...(labels ? { detail: { severity: [...labels] } } : {}),
          },
        },
      ];
    },
  },
};
