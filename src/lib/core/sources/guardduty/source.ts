import { belowThreshold } from '../../findings/threshold';
import { eventBridgeEventSchema } from '../../schemas/eventbridge';
import { parseAt } from '../../schemas/parse';
import { isEventOf } from '../shapes';
import type { Reading, Source } from '../source';
import { guardDutyNotification } from './interpret';
import { guardDutyFindingSchema } from './schema';
import { guardDutyLevel, guardDutyThresholds } from './severity';

const SOURCE = 'aws.guardduty';
const DETAIL_TYPE = 'GuardDuty Finding';
const DETAIL_TYPES = [DETAIL_TYPE];

/**
 * GuardDuty findings: one notification per finding event, severity from GuardDuty's levels; an
 * archived finding is ignored by name (someone, or a suppression rule, already dealt with it).
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings_eventbridge.html
 */
export const guardDutySource: Source = {
  id: 'guardduty',
  matches: (item) => isEventOf(item, SOURCE, DETAIL_TYPES),
  read(item, settings): Reading {
    const event = parseAt(eventBridgeEventSchema, item.payload, item.path, 'EventBridge event');
    const finding = parseAt(
      guardDutyFindingSchema,
      event.detail,
      `${item.path ? `${item.path}.` : ''}detail`,
      'GuardDuty finding',
    );
    if (finding.service?.archived === true) {
      return { kind: 'ignored', rule: 'finding-archived', reason: `GuardDuty finding ${finding.id} is archived` };
    }
    return (
      belowThreshold(guardDutyLevel(finding.severity).severity, settings.findingsMinSeverity) ?? {
        kind: 'notify',
        build: (ctx) => guardDutyNotification(event, finding, ctx),
      }
    );
  },
  deploy: {
    function: 'apiCall',
    eventPatterns: ({ findingsMinSeverity = 'warning' }) => {
      const least = guardDutyThresholds[findingsMinSeverity];
      return [
        {
          name: 'guardduty-findings',
          ruleIds: ['guardduty', `severity>=${least}`],
          pattern: {
            source: [SOURCE],
            'detail-type': [DETAIL_TYPE],
            ...(least > 0 ? { detail: { severity: [{ numeric: ['>=', least] }] } } : {}),
          },
        },
      ];
    },
  },
};
