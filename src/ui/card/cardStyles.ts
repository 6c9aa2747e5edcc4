/**
 * The card's stylesheet, applied inside its shadow root only. `:host` resets everything the page could make the
 * host inherit; colours follow the browser's colour scheme.
 */
export const CARD_CSS = `
:host {
  all: initial;
  color-scheme: light dark;
}
.card {
  --anl-bg: #ffffff;
  --anl-fg: #1b1b1f;
  --anl-muted: #55585f;
  --anl-border: #c9ccd3;
  --anl-accent: #0b5cad;
  --anl-focus: #1a73e8;
  box-sizing: border-box;
  width: 340px;
  max-width: calc(100vw - 16px);
  max-height: min(440px, calc(100vh - 16px), var(--anl-max-height, 100vh));
  overflow: auto;
  padding: 12px 14px;
  background: var(--anl-bg);
  color: var(--anl-fg);
  border: 1px solid var(--anl-border);
  border-inline-start: 5px solid var(--anl-type-colour, var(--anl-border));
  border-radius: 10px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.22);
  font: 14px/1.55 system-ui, "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, sans-serif;
  text-align: start;
  cursor: auto;
}
@media (prefers-color-scheme: dark) {
  .card.theme-system {
    --anl-bg: #202227;
    --anl-fg: #ececf0;
    --anl-muted: #a9adb6;
    --anl-border: #464a53;
    --anl-accent: #8cc4ff;
    --anl-focus: #8cc4ff;
    box-shadow: 0 6px 24px rgba(0, 0, 0, 0.6);
  }
}
.card.theme-dark {
  --anl-bg: #202227;
  --anl-fg: #ececf0;
  --anl-muted: #a9adb6;
  --anl-border: #464a53;
  --anl-accent: #8cc4ff;
  --anl-focus: #8cc4ff;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.6);
}
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid var(--anl-focus); outline-offset: 2px; }
.head { display: flex; align-items: center; gap: 6px; }
.type { flex: 1; color: var(--anl-muted); font-size: 12px; }
.symbol { margin-inline-end: 4px; }
.name { margin: 2px 0 6px; font-size: 18px; font-weight: 700; line-height: 1.35; }
.field { margin: 2px 0; }
.label { color: var(--anl-muted); }
.section { margin-top: 10px; padding-top: 8px; border-top: 1px solid var(--anl-border); }
.section h3 { margin: 0 0 4px; font-size: 13px; font-weight: 600; color: var(--anl-muted); }
ul { margin: 0; padding-inline-start: 18px; }
li { margin: 2px 0; }
.meta { color: var(--anl-muted); font-size: 12px; }
.row { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 6px; }
button, a { font: inherit; color: var(--anl-accent); }
button {
  min-height: 28px;
  padding: 2px 10px;
  border: 1px solid var(--anl-border);
  border-radius: 6px;
  background: transparent;
  cursor: pointer;
}
button.icon { min-width: 28px; padding: 0 6px; color: var(--anl-fg); }
button[aria-pressed="true"] { background: var(--anl-border); }
button:hover { border-color: var(--anl-accent); }
button:focus-visible, a:focus-visible { outline: 2px solid var(--anl-focus); outline-offset: 1px; }
.status { color: var(--anl-muted); }
.error { color: #b3261e; }
@media (prefers-color-scheme: dark) { .theme-system .error { color: #ffb4ab; } }
.theme-dark .error { color: #ffb4ab; }
.card.theme-light { color-scheme: light; }
.card.theme-dark { color-scheme: dark; }
@media (prefers-reduced-motion: no-preference) { .card { transition: opacity 120ms ease-out; } }
`;
