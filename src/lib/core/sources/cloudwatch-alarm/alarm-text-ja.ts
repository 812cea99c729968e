import type { en } from './alarm-text-en';

/** Japanese strings of alarm notifications, in the English table's shape (the reference). */
export const ja: typeof en = {
  title: {
    ALARM: (name) => `${name} が ALARM 状態になりました`,
    OK: (name) => `${name} が OK になりました`,
    OK_AGAIN: (name) => `${name} が OK に戻りました`,
    INSUFFICIENT_DATA: (name) => `${name} がデータ不足 (INSUFFICIENT_DATA) になりました`,
  },
  metricPhrase: (subject, aggregate, period) =>
    aggregate && period
      ? `${subject} (${period}間の ${aggregate})`
      : aggregate || period
        ? `${subject} (${aggregate ?? `${period}間`})`
        : subject,
  valueSentence: (metric, value, relation, counts) =>
    `${metric} は ${value} で、${relation}${counts ? ` (直近 ${counts.outOf ?? counts.crossed} 個中 ${counts.crossed} 個のデータポイント)` : ''}。`,
  relation: {
    above: (t) => `しきい値 ${t} を上回りました`,
    atOrAbove: (t) => `しきい値 ${t} 以上でした`,
    below: (t) => `しきい値 ${t} を下回りました`,
    atOrBelow: (t) => `しきい値 ${t} 以下でした`,
    outsideBand: (band) => `予測範囲 ${band} の外でした`,
    insideBand: (band) => `予測範囲 ${band} の内側でした`,
    aboveBand: (band) => `予測範囲 ${band} を上回りました`,
    notAboveBand: (band) => `予測範囲 ${band} を上回りませんでした`,
    belowBand: (band) => `予測範囲 ${band} を下回りました`,
    notBelowBand: (band) => `予測範囲 ${band} を下回りませんでした`,
  },
  band: (low, high) => `${low}〜${high}`,
  insufficient: (n) => `${n} 個のデータポイントが欠落しているため、アラームを評価できませんでした。`,
  triggeredBy: (list) => `トリガーとなったアラーム: ${list}。`,
  recovered: (duration) => `${duration}で回復しました。`,
  sentenceSeparator: '',
  suppressedBy: {
    Alarm: 'Alarm: 抑制アラームが ALARM 状態のため',
    WaitPeriod: 'WaitPeriod: 待機期間中のため (抑制アラームが ALARM になる可能性があります)',
    ExtensionPeriod: 'ExtensionPeriod: 抑制アラームが OK に戻った後の延長期間中のため',
  },
  query: 'Metrics Insights クエリ',
  comparison: {
    GreaterThanThreshold: (t) => `${t} より大きい`,
    GreaterThanOrEqualToThreshold: (t) => `${t} 以上`,
    LessThanThreshold: (t) => `${t} より小さい`,
    LessThanOrEqualToThreshold: (t) => `${t} 以下`,
    LessThanLowerOrGreaterThanUpperThreshold: (band) => `予測範囲 ${band} の外`,
    GreaterThanUpperThreshold: (band) => `予測範囲 ${band} の上限より上`,
    LessThanLowerThreshold: (band) => `予測範囲 ${band} の下限より下`,
  },
  statistic: (stat, period) => `${period}間の ${stat}`,
  datapointsToAlarm: (n, m) => `${m} 個中 ${n} 個`,
  suppressor: (name, wait, extension) =>
    [name, wait && `待機期間 ${wait}`, extension && `延長期間 ${extension}`].filter(Boolean).join('、'),
  treatMissing: {
    missing: '欠落として扱う',
    notBreaching: '正常 (しきい値内) として扱う',
    breaching: '異常 (しきい値超え) として扱う',
    ignore: '無視する (現在の状態を維持)',
  },
  evaluationState: {
    PARTIAL_DATA: 'PARTIAL_DATA: クエリ対象データの一部だけで評価されました',
  },
  kind: {
    metric: 'メトリクスアラーム',
    'metric-math': 'メトリクス計算式のアラーム',
    'anomaly-detection': '異常検出アラーム',
    composite: '複合アラーム',
    'metrics-insights': 'Metrics Insights アラーム',
  },
  targets: {
    count: (bad, total) =>
      total === 0
        ? 'ターゲットが登録されていません'
        : bad === 0
          ? `${total} 個のターゲットはすべて正常です`
          : `${total} 個中 ${bad} 個のターゲットが正常ではありません`,
    more: (n) => `…ほか ${n} 個`,
    healthCheck: (h) =>
      [h.protocol, h.port && `ポート ${h.port}`, h.path && `パス ${h.path}`, h.matcher && `期待するコード ${h.matcher}`]
        .filter(Boolean)
        .join('、'),
    unreadable: (name, error) => `${name} のターゲットヘルスを取得できませんでした: ${error}`,
  },
  labels: {
    state: '状態',
    since: '状態変化の時刻',
    sinceUnparsed: '状態変化の時刻（日時として読めない値）',
    incident: '障害の継続時間',
    targets: (name) => `${name} のターゲット`,
    healthCheck: (name) => `${name} のヘルスチェック`,
    metric: 'メトリクス',
    metrics: 'メトリクス',
    expression: '式',
    query: 'クエリ',
    statistic: '統計',
    threshold: 'しきい値',
    datapointsToAlarm: 'アラームに必要なデータポイント',
    treatMissing: '欠落データの扱い',
    recentDatapoints: '直近のデータポイント',
    evaluationState: '評価',
    actionsSuppressed: 'アクションの抑制',
    actionsSuppressor: 'アクション抑制アラーム',
    alarmRule: 'アラームルール',
    triggeringAlarms: 'トリガーとなったアラーム',
    description: '説明',
    reason: '理由 (AWS の原文)',
    kind: 'アラームの種類',
    account: 'アカウント',
    region: 'リージョン',
  },
  flapping: {
    title: (name) => `${name} がフラッピングしています`,
    summary: (name, changes, window) =>
      `${name} の状態が ${window}で ${changes} 回変わりました。${window}安定するまで、以降の変化は通知しません。`,
    stable: (state, duration, muted) =>
      `フラッピング後に安定しました: ${state} のまま ${duration}続きました${muted > 0 ? `（通知しなかった変化 ${muted} 件）` : ''}。`,
    changes: (changes, window) => `${window}で ${changes} 回`,
    labels: { state: '現在の状態', changes: '状態の変化' },
  },
  links: {
    alarm: 'CloudWatch のアラーム',
    targetGroup: (name) => `ターゲットグループ ${name}`,
  },
};
