import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRouting, route } from '../../../../src/lib/core/routing';
import '../../../helpers/fast-check-seed';
import { routesExample } from '../../../helpers/routes-example';
import { anyNotification, anyText } from '../render/notification-arbitrary';

const routing = parseRouting(routesExample()).routing;
const withLabels = fc.tuple(anyNotification, fc.option(anyText), fc.option(anyText)).map(([n, alarm, rule]) => ({
  ...n,
  labels: { ...(alarm !== null ? { alarm } : {}), ...(rule !== null ? { rule } : {}) },
}));

describe('route: properties', () => {
  it('never throws, and every notification goes somewhere, each destination once, or is silenced by a known id', () => {
    fc.assert(
      fc.property(withLabels, fc.date({ noInvalidDate: true }), (n, now) => {
        const decision = route(n, routing, now);
        if (decision.kind === 'silenced') {
          expect(decision.silenceId).toBe('maint-2026-12-01');
          return;
        }
        const names = decision.deliveries.map((d) => d.destination);
        expect(names.length).toBeGreaterThan(0);
        expect(new Set(names).size).toBe(names.length);
        for (const d of decision.deliveries) expect(d.mention === undefined || n.severity === 'critical').toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
