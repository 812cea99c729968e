import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partitionOfArn } from '../../../../../src/lib/core/links/partition';
import { describePrincipal, type UserIdentity } from '../../../../../src/lib/core/sources/cloudtrail';
import { genericDetails, paramDetails } from '../../../../../src/lib/core/sources/cloudtrail/details';
import { requestParam, serviceOf, showValue } from '../../../../../src/lib/core/sources/cloudtrail/record';

type Record_ = Parameters<typeof describePrincipal>[0];
const record = (extra: Record<string, unknown>) =>
  ({ eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', ...extra }) as Record_;

/** Text made of the characters ARNs and paths split on, so the properties hit every edge. */
const pieces = fc.string({ unit: fc.constantFrom('a', 'b', ':', '/', '.', 'arn', 'aws', 'aws-cn', ''), maxLength: 14 });

/** The references: how these were written before the index-walking versions (split, map, filter). */
const reference = {
  requestParam(r: Record_, path: string): unknown {
    let value: unknown = r.requestParameters;
    for (const key of path.split('.'))
      value = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as never)[key] : undefined;
    return value;
  },
  roleAndSession(arn: string | undefined) {
    const [, role, session] = arn?.split(':').slice(5).join(':').split('/') ?? [];
    return { role, session };
  },
  lastSegment: (arn: string | undefined) => arn?.split('/').pop() || undefined,
  partitionOfArn(arn: string) {
    const name = arn.split(':')[1];
    return arn.startsWith('arn:') && ['aws', 'aws-cn', 'aws-us-gov'].includes(name ?? '') ? name : undefined;
  },
  genericDetails(r: Record_) {
    return Object.entries(r.requestParameters ?? {})
      .filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))
      .slice(0, 5)
      .map(([k, v]) => [k, showValue(v) ?? ''] as const)
      .filter(([, v]) => v !== '');
  },
};

describe('cloudtrail: the fast paths agree with the plain ones they replace', () => {
  it('requestParam walks a dot path like split(".") does', () => {
    const tree: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom('x', 1, true, null, [1]),
        fc.dictionary(fc.constantFrom('a', 'b', '', 'c.d'), tie('node'), { maxKeys: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(tree, fc.string({ unit: fc.constantFrom('a', 'b', '.', 'c'), maxLength: 6 }), (params, path) => {
        const r = record({ requestParameters: params });
        expect(requestParam(r, path)).toStrictEqual(reference.requestParam(r, path));
      }),
    );
  });

  it('an assumed role reads role and session from the ARN like split(":")/split("/") does', () => {
    fc.assert(
      fc.property(fc.option(pieces, { nil: undefined }), (arn) => {
        const p = describePrincipal(record({ userIdentity: { type: 'AssumedRole', arn, principalId: 'P' } }));
        const { role, session } = reference.roleAndSession(arn);
        expect(p.role).toBe(role || undefined);
        expect(p.name).toBe(session ?? role ?? 'P');
      }),
    );
  });

  it('an IAM user or federated user is named after the last "/" segment of the ARN', () => {
    fc.assert(
      fc.property(
        fc.option(pieces, { nil: undefined }),
        fc.constantFrom('IAMUser', 'FederatedUser', 'Mystery'),
        (arn, type) => {
          const p = describePrincipal(record({ userIdentity: { type, arn, principalId: 'P' } as UserIdentity }));
          expect(p.name).toBe(reference.lastSegment(arn) ?? 'P');
        },
      ),
    );
  });

  it('partitionOfArn reads the second ":" field like split(":") does', () => {
    fc.assert(
      fc.property(pieces, (arn) => {
        expect(partitionOfArn(arn)).toBe(reference.partitionOfArn(arn));
      }),
    );
  });

  it('genericDetails keeps the first five scalar parameters that show', () => {
    const value = fc.oneof(fc.constantFrom('', 'x', 0, 7, true, false, null), fc.object({ maxDepth: 1 }));
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 3 }), value, { maxKeys: 9 }), (params) => {
        const r = record({ requestParameters: params });
        expect(genericDetails(r).params).toStrictEqual(reference.genericDetails(r));
      }),
    );
  });

  it('paramDetails names the first target present and shows every listed parameter present', () => {
    const details = paramDetails(
      [
        ['a', 'user'],
        ['b.c', 'role'],
      ],
      ['d', 'a'],
    );
    expect(details(record({ requestParameters: { b: { c: 'R' }, d: 4, a: '' } }))).toStrictEqual({
      target: { kind: 'role', name: 'R' },
      params: [
        ['b.c', 'R'],
        ['d', '4'],
      ],
    });
    expect(details(record({ requestParameters: {} }))).toStrictEqual({ params: [] });
  });

  it('serviceOf drops only a trailing ".amazonaws.com"', () => {
    expect(serviceOf('cloudtrail.amazonaws.com')).toBe('cloudtrail');
    expect(serviceOf('signin.amazonaws.com.cn')).toBe('signin.amazonaws.com.cn');
    expect(serviceOf('.amazonaws.com')).toBe('');
    expect(serviceOf('internal')).toBe('internal');
  });
});
