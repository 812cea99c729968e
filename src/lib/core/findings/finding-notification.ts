import type { RenderContext } from '../locale';
import { type Field, NOTIFICATION_SCHEMA_VERSION, type Notification, type Severity } from '../notification';
import { placed } from '../sources/placed';
import { formatInstant } from '../time';
import { type FindingLabel, findingText } from './strings';

/** Resources listed in a finding message; the rest are counted. */
export const MAX_FINDING_RESOURCES = 10;
/** Characters of a description or remediation before it is cut with "…". */
const MAX_TEXT_LENGTH = 1_000;
/** Characters of a title (subjects are shortened further by the renderer). */
const MAX_TITLE_LENGTH = 200;

/** The security products whose findings we read. */
export type FindingProduct = keyof (typeof findingText)['en']['products'];

/** A fact a source adds: a label of the shared table and a value (or several lines). */
export type FindingFact = readonly [label: FindingLabel, value: string | number | undefined];

/**
 * What a finding source knows, in the product's own words; {@link findingNotification} turns it into
 * the one Notification shape every channel renders. Times are ISO instants (or absent).
 */
export interface FindingView {
  readonly product: FindingProduct;
  /** The product that found it when another reported it, e.g. Macie through Security Hub. */
  readonly reportedBy?: string;
  readonly severity: Severity;
  /** The product's own severity, as it reports it, e.g. "HIGH (8)", "MEDIUM"; absent when it has none (Access Analyzer). */
  readonly productSeverity?: string;
  readonly title: string;
  readonly description?: string;
  readonly type?: string;
  readonly status?: string;
  readonly resources: readonly string[];
  readonly account?: string;
  readonly region?: string;
  readonly firstSeen?: string;
  readonly lastSeen?: string;
  readonly count?: number;
  readonly remediation?: string;
  /** Product-specific facts, shown after severity/type/status/resources. */
  readonly facts?: readonly FindingFact[];
  readonly findingId: string;
  readonly link?: string;
  readonly occurredAt?: string;
  readonly dedupeKey: string;
  readonly source: { readonly type: string; readonly id?: string };
}

const clip = (text: string, max = MAX_TEXT_LENGTH) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Up to {@link MAX_FINDING_RESOURCES} resources, one a line, and "… and N more". */
function resourceLines(resources: readonly string[], more: (n: number) => string): string {
  const shown = resources.slice(0, MAX_FINDING_RESOURCES);
  const rest = resources.length - shown.length;
  return [...shown, ...(rest > 0 ? [more(rest)] : [])].join('\n');
}

/**
 * The notification of one security finding: `<Product>: <title>` as title, the description as
 * summary, then what an on-call engineer reads first — severity on the product's own scale, type,
 * status, resources — then when and how often, the product's own facts, and the remediation.
 */
export function findingNotification(view: FindingView, ctx: RenderContext): Notification {
  const t = findingText[ctx.locale];
  const product = view.reportedBy ? `${t.products[view.product]} (${view.reportedBy})` : t.products[view.product];
  const when = (iso: string | undefined) => (iso ? formatInstant(iso, ctx.timeZone, ctx.locale) : undefined);
  // Pushed in order as they are found (no list of pairs flat-mapped): this runs for every finding.
  const fields: Field[] = [];
  const add = (label: FindingLabel, value: string | number | undefined) => {
    if (value !== undefined && value !== '') fields.push({ label: t.labels[label], value: clip(String(value)) });
  };
  add('severity', view.productSeverity);
  add('type', view.type);
  add('status', view.status);
  add('resources', view.resources.length > 0 ? resourceLines(view.resources, t.more) : undefined);
  for (const [label, value] of view.facts ?? []) add(label, value);
  add('firstSeen', when(view.firstSeen));
  add('lastSeen', when(view.lastSeen));
  add('count', view.count !== undefined && view.count > 1 ? view.count : undefined);
  add('remediation', view.remediation ? clip(view.remediation) : undefined);
  add('findingId', view.findingId);
  return placed(
    {
      schemaVersion: NOTIFICATION_SCHEMA_VERSION,
      category: 'finding',
      severity: view.severity,
      locale: ctx.locale,
      title: clip(`${product}: ${view.title}`, MAX_TITLE_LENGTH),
      summary: view.description
        ? clip(view.description)
        : view.productSeverity
          ? t.summary(product, view.productSeverity)
          : t.summaryUnrated(product),
      fields,
      links: view.link ? [{ label: t.link(product), url: view.link }] : [],
      notes: [],
    },
    view.account,
    view.region,
    {
      occurredAt: view.occurredAt ?? ctx.now.toISOString(),
      dedupeKey: view.dedupeKey,
      source: view.source,
    },
  );
}
