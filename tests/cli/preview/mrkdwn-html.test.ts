import { describe, expect, it } from 'vitest';
import { mrkdwnToHtml } from '../../../src/cli/preview/mrkdwn-html';
import { escapeSlack } from '../../../src/lib/core/channels/slack/slack-escape';

describe('preview: Slack mrkdwn as HTML', () => {
  it.each([
    ['bold', '*State*', '<strong>State</strong>'],
    ['italic', 'it was _briefly_ down', 'it was <em>briefly</em> down'],
    ['strike', '~old~ new', '<del>old</del> new'],
    ['code', 'run `aws sso login`', 'run <code>aws sso login</code>'],
    ['styles are not applied inside code', '`*not bold*`', '<code>*not bold*</code>'],
    ['a code block', '```a\n*b*```', '<pre>a\n*b*</pre>'],
    ['line breaks', '*Label*\nvalue', '<strong>Label</strong><br>value'],
    ['snake_case names stay plain', 'test-service_aurora_cpu_utilization', 'test-service_aurora_cpu_utilization'],
    ['a lone backtick stays', 'a ` b', 'a ` b'],
    [
      'a link with a label',
      '<https://console.aws.amazon.com/x?a=1&amp;b=2|Alarm in CloudWatch>',
      '<a href="https://console.aws.amazon.com/x?a=1&amp;b=2" rel="noreferrer noopener" target="_blank">Alarm in CloudWatch</a>',
    ],
    [
      'a bare link',
      '<https://example.com/>',
      '<a href="https://example.com/" rel="noreferrer noopener" target="_blank">https://example.com/</a>',
    ],
    ['a mention', '<!channel>', '<span class="mention">@channel</span>'],
  ])('renders %s', (_name, mrkdwn, html) => {
    expect(mrkdwnToHtml(mrkdwn)).toBe(html);
  });

  it('keeps hostile event text as text: Slack-escaped input stays HTML-escaped', () => {
    const hostile = escapeSlack('<script>alert("x")</script> <img src=x onerror=alert(1)> & <!channel>');
    const html = mrkdwnToHtml(`*Name*\n${hostile}`);
    expect(html).toBe(
      '<strong>Name</strong><br>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; &amp; &lt;!channel&gt;',
    );
  });

  it('never makes a link of a javascript: or data: URL', () => {
    expect(mrkdwnToHtml('<javascript:alert(1)|click>')).toBe('click');
    expect(mrkdwnToHtml('<data:text/html,x>')).toBe('data:text/html,x');
  });

  it('escapes quotes in link targets and labels', () => {
    expect(mrkdwnToHtml('<https://e.com/"onmouseover="x|a"b>')).toBe(
      '<a href="https://e.com/&quot;onmouseover=&quot;x" rel="noreferrer noopener" target="_blank">a&quot;b</a>',
    );
  });
});
