import { belowThreshold } from '../../findings/threshold';
import type { Notification, Severity } from '../../notification';
import { eventBridgeEventSchema } from '../../schemas/eventbridge';
import { parseAt } from '../../schemas/parse';
import { isEventOf } from '../shapes';
import type { Reading, Source } from '../source';
import { securityHubNotification, severityOf } from './interpret';
import { type AsffFinding, asffFindingSchema, securityHubDetailSchema } from './schema';
import { securityHubThresholds } from './severity';

const SOURCE = 'aws.securityhub';
const IMPORTED = 'Security Hub Findings - Imported';
/** A person chose these findings and sent them on purpose: no severity threshold applies. */
const CUSTOM_ACTION = 'Security Hub Findings - Custom Action';
const detailTypes = [IMPORTED, CUSTOM_ACTION] as const;

type Kept = { finding: AsffFinding; severity: Severity };

/**
 * Security Hub findings, its own controls' and those imported from GuardDuty, Inspector, Macie or a
 * partner: one notification per finding of the event. A suppressed finding, or one below the
 * threshold, is left out; an event left with none is ignored by the first rule that applied.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-cwe-event-formats.html
 */
export const securityHubSource: Source = {
  id: 'security-hub',
  matches: (item) => isEventOf(item, SOURCE, detailTypes),
  read(item, settings): Reading {
    const event = parseAt(eventBridgeEventSchema, item.payload, item.path, 'EventBridge event');
    const base = `${item.path ? `${item.path}.` : ''}detail`;
    const detail = parseAt(securityHubDetailSchema, event.detail, base, 'Security Hub event');
    const threshold = event['detail-type'] === CUSTOM_ACTION ? undefined : settings.findingsMinSeverity;
    const read = detail.findings.map((raw, i) => {
      const finding = parseAt(asffFindingSchema, raw, `${base}.findings[${i}]`, 'ASFF finding');
      const severity = severityOf(finding);
      if (severity === 'ignored') {
        const ignore = {
          kind: 'ignored',
          rule: 'finding-suppressed',
          reason: `finding ${finding.Id ?? i} is suppressed`,
        };
        return ignore as Extract<Reading, { kind: 'ignored' }>;
      }
      return belowThreshold(severity, threshold) ?? { finding, severity };
    });
    const kept = read.filter((r): r is Kept => 'finding' in r);
    const ignored = read.find((r): r is Extract<Reading, { kind: 'ignored' }> => 'kind' in r);
    if (kept.length === 0 && ignored) return ignored;
    return {
      kind: 'notify',
      build: (ctx): Notification[] => kept.map((r) => securityHubNotification(event, r.finding, r.severity, ctx)),
    };
  },
  deploy: {
    function: 'apiCall',
    eventPatterns: ({ findingsMinSeverity = 'warning' }) => {
      const labels = securityHubThresholds[findingsMinSeverity];
      return [
        {
          name: 'security-hub-findings',
          ruleIds: ['security-hub', labels ? `severity ${labels.join('|')}` : 'all severities'],
          pattern: {
            source: [SOURCE],
            'detail-type': [IMPORTED],
            ...(labels ? { detail: { findings: { Severity: { Label: [...labels] } } } } : {}),
          },
        },
        {
          name: 'security-hub-custom-action',
          ruleIds: ['security-hub'],
          pattern: { source: [SOURCE], 'detail-type': [CUSTOM_ACTION] },
        },
      ];
    },
  },
};
