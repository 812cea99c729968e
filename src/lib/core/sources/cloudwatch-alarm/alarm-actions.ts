/** An alarm to look up: its name, and its region when the source says (else the function's own). */
export interface AlarmRef {
  readonly name: string;
  readonly region?: string;
}

/**
 * What DescribeAlarms said of an alarm's actions: `actionsEnabled`, or nothing known (`error`, or the
 * alarm was not found, e.g. one forwarded from another account), in which case the change is reported.
 */
export interface AlarmActionsReport {
  readonly actionsEnabled?: boolean;
  readonly error?: string;
}
