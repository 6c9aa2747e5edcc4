/**
 * Puts the `::highlight()` rules into the page without adding a node to its DOM: a constructed stylesheet in
 * `document.adoptedStyleSheets`. Constructed sheets are not `<style>` elements, so a strict `style-src` CSP does not
 * block them. If the browser refuses (an old engine, a content-script wrapper that rejects our array), the caller
 * may supply another way (e.g. the background's `scripting.insertCSS`); otherwise highlights step aside.
 */
import { reportQuietly } from './guard';

export interface InstalledStyles {
  /** How the rules got in, for diagnostics and tests. */
  via: 'adoptedStyleSheets' | 'fallback';
  replace(css: string): void;
  remove(): void;
}

/** A way to add and remove CSS from outside the page (the background's scripting API), when supplied. */
export interface CssInserter {
  insert(css: string): Promise<void>;
  remove(css: string): Promise<void>;
}

export function installPageStyles(doc: Document, css: string, fallback?: CssInserter): InstalledStyles | null {
  const adopted = tryAdoptedSheet(doc, css);
  if (adopted) return adopted;
  if (!fallback) return null;
  let current = css;
  const quiet = (promise: Promise<void>): void => void promise.catch((error: unknown) => reportQuietly('css fallback', error));
  quiet(fallback.insert(current));
  return {
    via: 'fallback',
    replace(next) {
      quiet(fallback.remove(current));
      current = next;
      quiet(fallback.insert(current));
    },
    remove() {
      quiet(fallback.remove(current));
    },
  };
}

function tryAdoptedSheet(doc: Document, css: string): InstalledStyles | null {
  try {
    const view = doc.defaultView;
    if (!view || !('adoptedStyleSheets' in doc)) return null;
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(css);
    try {
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    } catch {
      // Firefox content scripts may refuse an array made on our side of the wrapper; the live list takes a push.
      doc.adoptedStyleSheets.push(sheet);
    }
    if (!doc.adoptedStyleSheets.includes(sheet)) return null;
    return {
      via: 'adoptedStyleSheets',
      replace(next) {
        try {
          sheet.replaceSync(next);
        } catch (error) {
          reportQuietly('replace highlight styles', error);
        }
      },
      remove() {
        try {
          // Keep whatever the page adopted meanwhile; take out only ours.
          const at = doc.adoptedStyleSheets.indexOf(sheet);
          if (at >= 0) doc.adoptedStyleSheets.splice(at, 1);
        } catch (error) {
          reportQuietly('remove highlight styles', error);
        }
      },
    };
  } catch (error) {
    reportQuietly('adopt highlight styles', error);
    return null;
  }
}
