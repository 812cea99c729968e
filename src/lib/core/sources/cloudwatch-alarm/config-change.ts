import { alarmConsoleUrl } from '../../links/console';
import type { RenderContext } from '../../locale';
import { lookup } from '../../lookup';
import { type Field, NOTIFICATION_SCHEMA_VERSION, type Notification } from '../../notification';
import type { EventBridgeEvent } from '../../schemas/eventbridge';
import { parseAt } from '../../schemas/parse';
import { clip, leafFields, leavesOf } from '../generic/flatten';
import { genericText } from '../generic/strings';
import { placed } from '../placed';
import { sourceRef } from '../source-ref';
import { toIsoInstant } from './derive';
import { placeOf } from './place';
import { type AlarmConfigChangeDetail, alarmConfigChangeDetailSchema } from './schema';

/** The source type of alarm configuration changes. */
export const CONFIG_CHANGE_SOURCE_TYPE = 'aws.cloudwatch/CloudWatch Alarm Configuration Change';

/** Paths that change on every save and say nothing about what the user changed. */
const NOISE = /(^|\.)timestamp$|^metrics\[\d+\]\.id$/;

/** `threshold: 70 → 80` for every scalar that differs between two configurations. */
function changes(before: unknown, after: unknown): string[] {
  const old = new Map(leavesOf(before).map((l) => [l.path, l.value]));
  const now = new Map(leavesOf(after).map((l) => [l.path, l.value]));
  const paths = [...new Set([...old.keys(), ...now.keys()])].filter((p) => !NOISE.test(p));
  return paths.filter((p) => old.get(p) !== now.get(p)).map((p) => `${p}: ${old.get(p) ?? '-'} → ${now.get(p) ?? '-'}`);
}

/**
 * Reads the `detail` of a CloudWatch Alarm Configuration Change event.
 * @throws InputError naming the bad field of `detail`.
 */
export function parseConfigChange(event: EventBridgeEvent, path: string): AlarmConfigChangeDetail {
  return parseAt(
    alarmConfigChangeDetailSchema,
    event.detail,
    path ? `${path}.detail` : 'detail',
    'alarm configuration change',
  );
}

/**
 * "Alarm X was updated": a CloudWatch Alarm Configuration Change event, with what changed
 * (`threshold: 70 → 80`) and the configuration's fields.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-and-eventbridge.html
 */
export function configChangeNotification(
  event: EventBridgeEvent,
  detail: AlarmConfigChangeDetail,
  ctx: RenderContext,
): Notification {
  const t = genericText[ctx.locale];
  const name = detail.alarmName;
  const title = lookup(t.configChange, detail.operation);
  const arn = (event.resources ?? []).find((r): r is string => typeof r === 'string' && r.startsWith('arn:'));
  const place = placeOf({ arn, account: event.account, region: event.region });
  const diff = detail.previousConfiguration ? changes(detail.previousConfiguration, detail.configuration) : [];
  const config = leavesOf(detail.configuration).filter((l) => !NOISE.test(l.path) && l.path !== 'alarmName');
  const fields: Field[] = [
    ...(diff.length ? [{ label: t.labels.changes, value: clip(diff.join('\n')) }] : []),
    ...(detail.state?.value ? [{ label: t.labels.state, value: detail.state.value }] : []),
    ...leafFields(config, t.more),
  ];
  const showLink = place.region && detail.operation !== 'delete';
  const configTime = detail.configuration?.timestamp;
  const describedAs =
    typeof detail.configuration?.description === 'string' ? detail.configuration.description : undefined;
  const headline = title ? title(name) : t.configChangeOther(name, detail.operation);
  return placed(
    {
      schemaVersion: NOTIFICATION_SCHEMA_VERSION,
      category: 'event',
      severity: 'info',
      locale: ctx.locale,
      title: headline,
      summary: diff.length ? diff.join('; ') : (describedAs ?? headline),
      fields,
      links:
        showLink && place.region
          ? [{ label: t.links.alarm, url: alarmConsoleUrl({ name, region: place.region, partition: place.partition }) }]
          : [],
      notes: [],
    },
    place.account,
    place.region,
    {
      occurredAt: toIsoInstant(event.time) ?? ctx.now.toISOString(),
      dedupeKey: `alarm-config:${arn ?? name}:${detail.operation}:${toIsoInstant(typeof configTime === 'string' ? configTime : event.time) ?? ''}`,
      source: sourceRef(CONFIG_CHANGE_SOURCE_TYPE, event.id),
    },
  );
}
