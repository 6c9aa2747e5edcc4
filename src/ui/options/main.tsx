/** The options page's entry (opened in a tab, see `options_ui` in manifest.json). */
import { mountOptions } from '../panels/mountOptions';

const root = document.getElementById('app');
if (root !== null) mountOptions(root);
