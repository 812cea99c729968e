import type { UnwrappedItem } from '../envelopes/types';
import type { RenderContext } from '../locale';
import type { Notification } from '../notification';
import type { DeniedBurstSettings } from './cloudtrail/denied-burst';
import type { RuleSet } from './cloudtrail/rule';
import type { NamedEventPattern } from './cloudtrail/rule-patterns';
import type { Enriched, EnrichmentRequests } from './enrichments';

/** A message dropped on purpose by a named rule, with the reason, which is logged. */
export interface Ignored {
  readonly kind: 'ignored';
  readonly rule: string;
  readonly reason: string;
}

/**
 * What a source decided about one message it claimed: a notification to build (after the
 * enrichments it asks for, if any), or a named ignore rule with the reason, which is logged.
 */
export type Reading =
  | {
      readonly kind: 'notify';
      /** Data the pipeline fetches first (e.g. target health); the source never does I/O itself. */
      readonly needs?: EnrichmentRequests;
      /**
       * One notification, or one per item when a message carries several (a Security Hub event's
       * findings), or a named ignore when what was fetched decides it (an access-denied call below
       * its burst's threshold, a flapping alarm's muted change).
       */
      readonly build: (ctx: RenderContext, enriched: Enriched) => Notification | readonly Notification[] | Ignored;
    }
  | Ignored;

/** The settings sources read: the same at run time (config) and at package time (deploy parameters). */
export interface SourceSettings {
  /** Report only alarms whose name starts with one of these; empty or absent = all. */
  readonly alarmNamePrefixes?: readonly string[];
  /** Rules for CloudTrail API calls and console sign-ins; absent = the built-in rule set. */
  readonly ruleSet?: RuleSet;
  /**
   * The least severity of security findings to report (GuardDuty, Security Hub, Access Analyzer,
   * Inspector); absent = every finding. Deployed as the EventBridge patterns' filter too.
   */
  readonly findingsMinSeverity?: FindingsMinSeverity;
  /**
   * Access-denied calls counted into bursts per principal (a threshold of 1 or absent = each call
   * alone). Needs the `deniedBurst` enricher (a store); without one, each call is told alone.
   */
  readonly accessDeniedBurst?: DeniedBurstSettings;
  /** Alarm changes that are routine rather than news; absent = every change is reported (the CLI). */
  readonly quietAlarms?: QuietAlarmSettings;
}

/** The deploy parameters of the alarm source's quiet defaults (README, Configuration). */
export interface QuietAlarmSettings {
  /** Report INSUFFICIENT_DATA → OK (a new alarm's first evaluation, a metric that came back)? */
  readonly reportInsufficientDataToOk: boolean;
  /** Alarm name prefixes never reported, e.g. Auto Scaling target tracking's "TargetTracking-". */
  readonly excludedAlarmNamePrefixes: readonly string[];
  /** Report alarms whose actions are disabled? Needs the `alarmActions` enricher (DescribeAlarms) to know. */
  readonly reportActionsDisabled: boolean;
}

/** Thresholds a user can choose for findings, most to least severe. */
export const FINDINGS_MIN_SEVERITIES = ['critical', 'warning', 'info'] as const;
export type FindingsMinSeverity = (typeof FINDINGS_MIN_SEVERITIES)[number];

/** The Lambda functions that receive events (serverless.yml `functions`). */
export type IngestFunction = 'alarm' | 'apiCall' | 'budget';

/** How a source is wired into the template: which function serves it and what triggers it. */
export interface SourceDeploy {
  readonly function: IngestFunction;
  /** EventBridge rules that deliver this source's events (default bus, this account and region). */
  readonly eventPatterns?: (settings: SourceSettings) => readonly NamedEventPattern[];
  /** An SNS topic of the template (logical id and name) whose messages this source reads. */
  readonly snsTopic?: { readonly ref: string; readonly topicName: string };
}

/**
 * One kind of input the notifier understands: a folder under `src/lib/core/sources/` and one entry
 * in the registry (`./index.ts`). The dispatcher offers each message to the sources in order and
 * the first whose `matches` is true reads it; nothing else knows a source by name.
 *
 * @example const reading = source.matches(item) ? source.read(item, settings) : undefined;
 */
export interface Source {
  /** Kebab-case id, also the folder name. */
  readonly id: string;
  /** A cheap test on the shape (no parsing, never throws): does this source read the message? */
  readonly matches: (item: UnwrappedItem) => boolean;
  /**
   * Parses the message and decides. Pure.
   * @throws InputError naming the field when a message this source matched is broken.
   */
  readonly read: (item: UnwrappedItem, settings: SourceSettings) => Reading;
  /** Absent for sources that only the CLI or another source's function reads. */
  readonly deploy?: SourceDeploy;
}
