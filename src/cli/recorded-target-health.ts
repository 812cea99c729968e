import { parseDescribeTargetHealth } from '../lib/core/sources/cloudwatch-alarm/describe-target-health';
import type { TargetGroupRef, TargetHealthReport } from '../lib/core/sources/cloudwatch-alarm/target-health';
import { parseInputText, readTextFile } from './read-input';

/**
 * Loads a recorded DescribeTargetHealth response and returns an enricher that answers with it for
 * every target group, standing in for the ELBv2 call the deployed alarm function makes.
 */
export async function loadRecordedTargetHealth(
  file: string,
): Promise<(refs: TargetGroupRef[]) => Promise<TargetHealthReport[]>> {
  const { value } = parseInputText(await readTextFile(file), file);
  const targets = parseDescribeTargetHealth(value, file);
  return async (refs) => refs.map((targetGroup) => ({ targetGroup, targets }));
}
