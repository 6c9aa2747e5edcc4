import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t, uiIsRightToLeft } from '../../common/i18n';
import { Popup } from './Popup';
import { loadPopupState, targetTabId, type PopupState } from './loadState';
import './popup.css';

function App() {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    void targetTabId(location.search)
      .then(loadPopupState)
      .then((next) => live && setState(next))
      .catch(() => live && setState({ kind: 'unreachable' }));
    return () => {
      live = false;
    };
  }, []);
  return <Popup state={state} onOpenOptions={() => void browser.runtime.openOptionsPage()} />;
}

document.documentElement.lang = browser.i18n.getUILanguage();
document.documentElement.dir = uiIsRightToLeft() ? 'rtl' : 'ltr';
document.title = t('extensionName');
const root = document.getElementById('app');
if (root) render(<App />, root);
