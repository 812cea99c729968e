import { describe, expect, it } from 'vitest';
import { cidrContains, parseCidr } from '../../../../../src/lib/core/sources/cloudtrail';

describe('cloudtrail: CIDR blocks', () => {
  it.each([
    ['10.0.0.0/8', '10.255.1.2', true],
    ['10.0.0.0/8', '11.0.0.1', false],
    ['192.0.2.7', '192.0.2.7', true],
    ['192.0.2.7', '192.0.2.8', false],
    ['0.0.0.0/0', '203.0.113.9', true],
    ['2001:db8::/32', '2001:db8:1::5', true],
    ['2001:db8::/32', '2001:db9::5', false],
    ['::/0', '::1', true],
    ['::ffff:0:0/96', '::ffff:192.0.2.1', true],
    ['10.0.0.0/8', '::1', false],
    ['10.0.0.0/8', 'AWS Internal', false],
    ['10.1.2.3/8', '10.9.9.9', true],
  ])('%s contains %s: %s', (cidr, address, expected) => {
    expect(cidrContains(parseCidr(cidr)!, address)).toBe(expected);
  });

  it.each([
    '10.0.0.0/33',
    '256.0.0.0/8',
    '10.0.0/8',
    '2001:db8::/129',
    '1::2::3',
    'example.com',
    '10.0.0.0/8/1',
    '',
    '::/x',
  ])('rejects %j', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});
