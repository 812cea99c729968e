/**
 * The one clock type of the I/O layer: epoch milliseconds, like `Date.now`. Handlers and adapters
 * take one as `now` so tests can move time; the pure core never reads a clock (it is given
 * `ctx.now`, a Date).
 * @example const deadline = invocationDeadline(context, now());
 */
export type Clock = () => number;
