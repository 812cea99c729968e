import { belowThreshold } from '../../findings/threshold';
import { eventBridgeEventSchema } from '../../schemas/eventbridge';
import { parseAt } from '../../schemas/parse';
import { isEventOf } from '../shapes';
import type { Reading, Source } from '../source';
import { accessAnalyzerFindingSchema, accessAnalyzerNotification, accessKindOf } from './interpret';
import { accessAnalyzerIgnored, accessAnalyzerSeverities } from './severity';

const SOURCE = 'aws.access-analyzer';
const DETAIL_TYPE = 'Access Analyzer Finding';
const DETAIL_TYPES = [DETAIL_TYPE];

/**
 * IAM Access Analyzer findings: resources shared outside the account (or public), unused access,
 * and resources it could not analyze. Archived and deleted findings are ignored by name.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-eventbridge.html
 */
export const accessAnalyzerSource: Source = {
  id: 'access-analyzer',
  matches: (item) => isEventOf(item, SOURCE, DETAIL_TYPES),
  read(item, settings): Reading {
    const event = parseAt(eventBridgeEventSchema, item.payload, item.path, 'EventBridge event');
    const base = `${item.path ? `${item.path}.` : ''}detail`;
    const finding = parseAt(accessAnalyzerFindingSchema, event.detail, base, 'Access Analyzer finding');
    if (finding.isDeleted === true) {
      return { kind: 'ignored', rule: accessAnalyzerIgnored.deleted, reason: `finding ${finding.id} was deleted` };
    }
    if (finding.status === 'ARCHIVED') {
      return { kind: 'ignored', rule: accessAnalyzerIgnored.ARCHIVED, reason: `finding ${finding.id} is archived` };
    }
    const severity = accessAnalyzerSeverities[accessKindOf(finding)];
    return (
      belowThreshold(severity, settings.findingsMinSeverity) ?? {
        kind: 'notify',
        build: (ctx) => accessAnalyzerNotification(event, finding, ctx),
      }
    );
  },
  deploy: {
    function: 'apiCall',
    // The events carry no severity: only "critical" (public access) can be filtered by the rule;
    // below that the function applies the threshold.
    eventPatterns: ({ findingsMinSeverity = 'warning' }) => [
      {
        name: 'access-analyzer-findings',
        ruleIds: ['access-analyzer', findingsMinSeverity === 'critical' ? 'public' : 'all findings'],
        pattern: {
          source: [SOURCE],
          'detail-type': [DETAIL_TYPE],
          ...(findingsMinSeverity === 'critical' ? { detail: { isPublic: [true] } } : {}),
        },
      },
    ],
  },
};
