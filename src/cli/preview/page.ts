import type { SlackMessage } from '../../lib/core/channels/slack/slack-types';
import type { RenderedNotification, RenderOutput } from '../present';
import { blockKitBuilderUrl, blockKitToHtml } from './block-kit-html';
import { escapeHtml } from './html';
import { PAGE_STYLE } from './page-style';

/** One example on the page: an anchor id, what it shows, where it comes from, and what it renders to. */
export interface PreviewExample {
  /** Anchor and element id, e.g. `ec2-cpu-alarm` (kebab-case). */
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly output: RenderOutput;
}

/** Everything the page shows. */
export interface PreviewPageInput {
  readonly examples: readonly PreviewExample[];
  /** `en` / `ja` and the IANA zone the messages were rendered in, shown in the page's heading. */
  readonly locale: string;
  readonly timeZone: string;
}

const anchorId = (id: string) => `ex-${id.replace(/[^a-z0-9-]/gi, '-')}`;

function notificationHtml(r: RenderedNotification): string {
  const slack = r.slack as SlackMessage;
  const email = typeof r.email === 'string' ? r.email : JSON.stringify(r.email, null, 2);
  return `<article class="notification sev-${escapeHtml(r.severity)}">
<p class="subject"><span class="label">SNS subject</span> ${escapeHtml(r.subject)}
 <span class="attrs">category=${escapeHtml(r.category)} severity=${escapeHtml(r.severity)}</span></p>
<div class="channels">
<div class="channel email"><h3>Email</h3><pre class="email-text">${escapeHtml(email)}</pre></div>
<div class="channel slack"><h3>Slack</h3>
<div class="slack-window"><div class="slack-author"><span class="avatar" aria-hidden="true">N</span><strong>notifier</strong> <span class="app">APP</span></div>
${blockKitToHtml(slack)}</div>
<p class="builder"><a href="${escapeHtml(blockKitBuilderUrl(slack))}" rel="noreferrer noopener" target="_blank">Open in Block Kit Builder</a></p>
</div>
</div>
</article>`;
}

function exampleHtml(example: PreviewExample): string {
  const { notifications, ignored } = example.output;
  const ignores = ignored.map(
    (i) => `<p class="ignored">Ignored by rule <code>${escapeHtml(i.rule)}</code>: ${escapeHtml(i.reason)}</p>`,
  );
  return `<section class="example" id="${escapeHtml(anchorId(example.id))}">
<h2>${escapeHtml(example.title)}</h2>
<p class="source">${escapeHtml(example.source)}</p>
${[...notifications.map(notificationHtml), ...ignores].join('\n')}
</section>`;
}

/**
 * The whole preview page: a list of the examples, then each one's email text and its Slack
 * message drawn as Slack shows Block Kit, with a link to Block Kit Builder. Pure: no I/O, no
 * clock; every value is HTML-escaped, and the page has no script.
 *
 * @example renderPreviewPage({ examples, locale: 'en', timeZone: 'UTC' }) // '<!doctype html>…'
 */
export function renderPreviewPage(input: PreviewPageInput): string {
  const index = input.examples
    .map((e) => `<li><a href="#${escapeHtml(anchorId(e.id))}">${escapeHtml(e.title)}</a></li>`)
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(input.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>notifier preview</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header class="page-header">
<h1>notifier preview</h1>
<p>${input.examples.length} examples, as email and as Slack shows them (locale ${escapeHtml(input.locale)}, time zone ${escapeHtml(input.timeZone)}). Rendered by the same code the Lambdas run.</p>
<nav><ol>${index}</ol></nav>
</header>
<main>
${input.examples.map(exampleHtml).join('\n')}
</main>
</body>
</html>
`;
}
