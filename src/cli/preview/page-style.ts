/**
 * The preview page's stylesheet: a Slack-like message (Lato-like sans serif, bold header, grey
 * context, outlined buttons, two-column fields) beside the email as plain monospace text.
 */
export const PAGE_STYLE = `
:root { --text: #1d1c1d; --muted: #616061; --line: #dddddd; --link: #1264a3; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.46668 "Lato", "Helvetica Neue", Helvetica, Arial, "Hiragino Sans", "Noto Sans CJK JP", sans-serif; color: var(--text); background: #f4f4f4; }
.page-header { padding: 16px 24px; background: #3f0e40; color: #fff; }
.page-header h1 { margin: 0 0 4px; font-size: 20px; }
.page-header p { margin: 0 0 8px; opacity: .85; }
.page-header a { color: #fff; }
.page-header ol { margin: 0; padding-left: 20px; columns: 2; font-size: 13px; }
main { padding: 8px 24px 32px; }
.example { margin: 24px 0; }
.example h2 { font-size: 17px; margin: 0 0 2px; }
.source { margin: 0 0 8px; color: var(--muted); font-size: 12px; }
.notification { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; margin-bottom: 12px; }
.subject { margin: 0 0 8px; font-weight: 700; }
.subject .label, .subject .attrs { font-weight: 400; color: var(--muted); font-size: 12px; }
.channels { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; }
.channel h3 { margin: 0 0 6px; font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.email-text { margin: 0; padding: 10px 12px; background: #fafafa; border: 1px solid var(--line); border-radius: 4px; font: 12px/1.45 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
.slack-window { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; background: #fff; }
.slack-author { margin-bottom: 4px; }
.avatar { display: inline-block; width: 20px; height: 20px; border-radius: 4px; background: #2eb67d; color: #fff; text-align: center; font: 700 13px/20px sans-serif; margin-right: 6px; vertical-align: -4px; }
.app { font-size: 10px; color: var(--muted); background: #eee; border-radius: 2px; padding: 0 3px; }
.sk-message > * { margin: 6px 0; }
.sk-header { font-size: 18px; font-weight: 900; line-height: 1.33; overflow-wrap: anywhere; }
.sk-text, .sk-field { overflow-wrap: anywhere; }
.sk-fields { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 8px 16px; margin-top: 6px; }
.sk-context { color: var(--muted); font-size: 12px; }
.sk-context span + span { margin-left: 8px; }
.sk-divider { border: 0; border-top: 1px solid var(--line); }
.sk-actions { display: flex; flex-wrap: wrap; gap: 8px; }
.sk-button { display: inline-block; padding: 3px 12px; border: 1px solid #bbb; border-radius: 4px; color: var(--text); font-weight: 700; font-size: 13px; text-decoration: none; max-width: 100%; overflow-wrap: anywhere; }
.sk-message a:not(.sk-button) { color: var(--link); text-decoration: none; }
.sk-message code { font: 12px ui-monospace, "DejaVu Sans Mono", monospace; color: #e01e5a; background: #f6f6f6; border: 1px solid #e8e8e8; border-radius: 3px; padding: 0 3px; }
.sk-message pre, .sk-unknown { font: 12px ui-monospace, "DejaVu Sans Mono", monospace; background: #f8f8f8; border: 1px solid #e8e8e8; border-radius: 4px; padding: 8px; white-space: pre-wrap; }
.mention { color: var(--link); background: #e8f5fa; border-radius: 3px; padding: 0 2px; }
.builder { margin: 6px 0 0; font-size: 12px; }
.builder a { color: var(--link); }
.ignored { color: var(--muted); }
@media (max-width: 900px) { .channels { grid-template-columns: 1fr; } .page-header ol { columns: 1; } }
`;
