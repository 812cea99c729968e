/** SNS Publish limits, each with the page that states it; the publish is fitted to them visibly. */

/**
 * SNS `Subject`: "must be ASCII/UTF-8 text with no line breaks or control characters, and less than
 * 100 characters long", so at most 99.
 * @see https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 */
export const SNS_SUBJECT_MAX_CHARS = 99;

/**
 * SNS message size: 256 KB = 262,144 bytes of UTF-8, message attributes (and subject) included.
 * @see https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 */
export const SNS_MESSAGE_MAX_BYTES = 262_144;
