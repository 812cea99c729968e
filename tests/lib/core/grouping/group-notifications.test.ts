import { describe, expect, it } from 'vitest';
import { groupKey, groupNotifications } from '../../../../src/lib/core/grouping/group-notifications';
import { groupHead, groupTitle } from '../../../../src/lib/core/grouping/group-text';
import { renderSubject } from '../../../../src/lib/core/render/subject';
import { storm, stormAlarm } from './storm';

const titles = (g: { members: readonly { title: string }[] }) => g.members.map((n) => n.title);

describe('grouping: groupNotifications', () => {
  it('leaves a lone notification alone, so it goes out as itself', () => {
    const [n] = storm(1);
    expect(groupNotifications([n!], { maxMembers: 50 })).toEqual([
      { key: groupKey(n!), members: [n], part: 1, parts: 1 },
    ]);
  });

  it('puts notifications of one category, severity, account and region in one group, in arrival order', () => {
    const groups = groupNotifications(storm(37), { maxMembers: 50 });
    expect(groups).toHaveLength(1);
    expect(groups[0]!.members).toHaveLength(37);
    expect(titles(groups[0]!)[0]).toBe('api-0000-5xx-errors is in ALARM');
    expect(titles(groups[0]!)[36]).toBe('api-0036-5xx-errors is in ALARM');
  });

  it.each([
    ['severity', { severity: 'ok' as const }],
    ['region', { region: 'us-east-1' }],
    ['account', { account: '210987654321' }],
    ['category', { category: 'event' as const }],
    ['locale', { locale: 'ja' as const }],
  ])('keeps a different %s in its own group, groups ordered by their first notification', (_, other) => {
    const batch = [stormAlarm(0), stormAlarm(1, other), stormAlarm(2), stormAlarm(3, other)];
    const groups = groupNotifications(batch, { maxMembers: 50 });
    expect(groups.map(titles)).toEqual([
      [batch[0]!.title, batch[2]!.title],
      [batch[1]!.title, batch[3]!.title],
    ]);
  });

  it('splits a group larger than the channel allows into numbered parts, losing none', () => {
    const groups = groupNotifications(storm(1_000), { maxMembers: 50 });
    expect(groups).toHaveLength(20);
    expect(groups.map((g) => [g.part, g.parts])).toEqual(Array.from({ length: 20 }, (_, i) => [i + 1, 20]));
    expect(groups.flatMap(titles)).toEqual(storm(1_000).map((n) => n.title));
  });

  it('lists a notification that arrived twice (same dedupe key) once', () => {
    const [a, b] = storm(2);
    const groups = groupNotifications([a!, b!, a!], { maxMembers: 50 });
    expect(groups.flatMap(titles)).toEqual([a!.title, b!.title]);
  });

  it('returns nothing for nothing', () => {
    expect(groupNotifications([], { maxMembers: 50 })).toEqual([]);
  });
});

describe('grouping: group titles', () => {
  it.each([
    ['critical', 'en', '37 alarms in ALARM'],
    ['warning', 'en', '37 alarms in INSUFFICIENT_DATA'],
    ['ok', 'en', '37 alarms back to OK'],
    ['critical', 'ja', '37 件のアラームが ALARM'],
    ['ok', 'ja', '37 件のアラームが OK に戻りました'],
  ] as const)('titles %s alarms in %s: %s', (severity, locale, title) => {
    const [g] = groupNotifications(storm(37, { severity, locale }), { maxMembers: 50 });
    expect(groupTitle(g!)).toBe(title);
  });

  it('names other categories by their label, and the part of a split group', () => {
    const [first] = groupNotifications(storm(120, { category: 'event' }), { maxMembers: 50 });
    expect(groupTitle(first!)).toBe('50 notifications: AWS event (part 1 of 3)');
    const [ja] = groupNotifications(storm(60, { category: 'finding', locale: 'ja' }), { maxMembers: 50 });
    expect(groupTitle(ja!)).toBe('セキュリティの検出結果の通知 50 件（1/2）');
  });

  it('gives the group the shared subject line: severity tag, title, region', () => {
    const [g] = groupNotifications(storm(37), { maxMembers: 50 });
    expect(renderSubject(groupHead(g!))).toBe('[CRITICAL] 37 alarms in ALARM (ap-northeast-1)');
  });
});
