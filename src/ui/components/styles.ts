/**
 * The views' stylesheet, as a string rendered by UiRoot: every entry (popup, options, timeline, demos, tests) gets
 * the same styles without a CSS pipeline. Logical properties (margin-inline-start…) make one sheet serve both
 * directions. Colours come only from the theme variables (see palette.ts).
 */
import { themeVariablesCss } from './palette';

const BASE_CSS = `
.anl-root{background:var(--anl-bg);color:var(--anl-text);font:14px/1.55 system-ui,'Noto Naskh Arabic','Noto Sans Arabic','Segoe UI',sans-serif;box-sizing:border-box;overflow-wrap:anywhere}
.anl-root *,.anl-root *::before,.anl-root *::after{box-sizing:inherit}
.anl-root{scrollbar-color:var(--anl-border) var(--anl-bg)}
.anl-root[lang=ar]{font-size:15px}
.anl-root h1,.anl-root h2,.anl-root h3{line-height:1.3;margin:0 0 .5em}
.anl-root h1{font-size:1.25rem}.anl-root h2{font-size:1.05rem}.anl-root h3{font-size:.95rem}
.anl-root a{color:var(--anl-accent)}
.anl-root :focus-visible{outline:3px solid var(--anl-focus);outline-offset:2px}
/* Chart markers get a drawn ring instead (an outline around an SVG circle is a square, or nothing, by browser). */
.anl-root .anl-chart-marker:focus,.anl-root .anl-chart-marker:focus-visible{outline:none}
.anl-root button,.anl-root input,.anl-root select{font:inherit;color:var(--anl-text);background:var(--anl-surface);border:1px solid var(--anl-border);border-radius:6px;padding:.3em .7em;min-height:2rem}
.anl-root button{cursor:pointer}
.anl-root button.anl-primary{background:var(--anl-accent);color:var(--anl-on-accent);border-color:var(--anl-accent)}
.anl-root button.anl-danger{color:var(--anl-danger);border-color:var(--anl-danger)}
.anl-root button:disabled{opacity:.6;cursor:default}
.anl-root input[type=checkbox],.anl-root input[type=radio]{min-height:auto;width:1.1rem;height:1.1rem;padding:0;margin:0;accent-color:var(--anl-accent)}
.anl-root input[type=color]{padding:0;width:2.5rem}
.anl-muted{color:var(--anl-muted)}
.anl-wrap{overflow-wrap:anywhere}
.anl-clamp2{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.anl-row{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap}
.anl-row>*{min-width:0}
.anl-stack>*+*{margin-block-start:.75rem}
.anl-section{border-block-start:1px solid var(--anl-border);padding-block:.75rem}
.anl-badge{display:inline-block;border-radius:999px;padding:0 .55em;font-size:.8rem;font-weight:600;line-height:1.6;white-space:nowrap}
.anl-badge-PERSON{color:var(--anl-PERSON-text);background:var(--anl-PERSON-fill)}
.anl-badge-ORG{color:var(--anl-ORG-text);background:var(--anl-ORG-fill)}
.anl-badge-LOC{color:var(--anl-LOC-text);background:var(--anl-LOC-fill)}
.anl-badge-GROUP{color:var(--anl-GROUP-text);background:var(--anl-GROUP-fill)}
.anl-notice{border:1px solid var(--anl-border);background:var(--anl-surface);border-radius:8px;padding:.75rem}
.anl-notice.anl-error{border-color:var(--anl-danger)}
.anl-list{list-style:none;margin:0;padding:0}
.anl-actor-button{display:flex;width:100%;gap:.5rem;align-items:center;justify-content:space-between;text-align:start;background:transparent;border-color:transparent;padding:.35rem .4rem}
.anl-actor-button:hover{background:var(--anl-surface);border-color:var(--anl-border)}
.anl-switch{display:flex;gap:.5rem;align-items:center}
.anl-spinner{display:inline-block;width:1rem;height:1rem;border:2px solid var(--anl-border);border-block-start-color:var(--anl-accent);border-radius:50%;animation:anl-spin 1s linear infinite}
@keyframes anl-spin{to{transform:rotate(360deg)}}
@media (prefers-reduced-motion: reduce){.anl-spinner{animation:none}}
.anl-popup{width:380px;max-width:100vw;padding:.9rem}
.anl-page{max-width:72rem;margin:0 auto;padding:1rem 1.25rem 2rem}
.anl-options{max-width:44rem;margin:0 auto;padding:1rem 1.25rem 2rem}
.anl-mini-timeline{width:100%;height:auto;display:block}
.anl-chart{width:100%;display:block;background:var(--anl-surface);border:1px solid var(--anl-border);border-radius:8px;touch-action:none}
.anl-virtual{position:relative;overflow-y:auto;border:1px solid var(--anl-border);border-radius:8px}
.anl-virtual-row{position:absolute;inset-inline:0;overflow:hidden}
.anl-date-header{background:var(--anl-surface);font-weight:700;padding:.35rem .75rem;border-block-end:1px solid var(--anl-border)}
.anl-root button.anl-event-row{width:100%;padding:.3rem .75rem;display:flex;flex-direction:column;justify-content:center;align-items:stretch;text-align:start;border:0;border-block-end:1px solid var(--anl-surface);border-radius:0;background:transparent}
.anl-root button.anl-event-row:hover{background:var(--anl-surface)}
.anl-file input{position:absolute;opacity:0;width:1px;height:1px}
.anl-file-button{display:inline-block;border:1px solid var(--anl-border);border-radius:6px;padding:.3em .7em;background:var(--anl-surface);cursor:pointer}
.anl-file input:focus-visible+.anl-file-button{outline:3px solid var(--anl-focus);outline-offset:2px}
.anl-event-text{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.anl-event-text.anl-clamp2{white-space:normal}
.anl-filters{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.5rem .75rem;align-items:end}
.anl-filters label{display:flex;flex-direction:column;gap:.2rem;font-size:.85rem}
.anl-date-range{grid-column:1/-1;display:flex;flex-wrap:wrap;gap:.5rem .75rem}
.anl-date-field{flex:1 1 16rem;border:0;padding:0;margin:0;min-width:0;font-size:.85rem}
.anl-date-field legend{padding:0;margin-block-end:.2rem}
.anl-date-parts{display:flex;gap:.3rem}
.anl-date-parts select{flex:1 1 0;min-width:0}
.anl-layout{display:grid;grid-template-columns:minmax(0,1fr) 20rem;gap:1rem}
@media (max-width:800px){.anl-layout{grid-template-columns:1fr}}
.anl-dialog-backdrop{position:fixed;inset:0;background:rgba(0,0,0,.5);display:flex;align-items:center;justify-content:center;z-index:10}
.anl-dialog{background:var(--anl-bg);color:var(--anl-text);border:1px solid var(--anl-border);border-radius:10px;padding:1rem;max-width:26rem}
.anl-sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.anl-field{display:flex;flex-direction:column;gap:.25rem;margin-block:.5rem}
.anl-kbd{font-family:ui-monospace,monospace;border:1px solid var(--anl-border);border-radius:4px;padding:0 .35em;background:var(--anl-surface)}
`;

export const UI_CSS = `${themeVariablesCss()}\n${BASE_CSS}`;
