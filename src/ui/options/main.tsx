import { render } from 'preact';
import browser from 'webextension-polyfill';
import { t, uiIsRightToLeft } from '../../common/i18n';
import './options.css';

function Options() {
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <section data-testid="privacy">
        <h2>{t('optionsPrivacyHeading')}</h2>
        <p>{t('optionsPrivacyText')}</p>
      </section>
      <section>
        <h2>{t('optionsPermissionsHeading')}</h2>
        <p>{t('optionsPermissionsText')}</p>
      </section>
      <footer>{t('optionsVersion', browser.runtime.getManifest().version)}</footer>
    </main>
  );
}

document.documentElement.lang = browser.i18n.getUILanguage();
document.documentElement.dir = uiIsRightToLeft() ? 'rtl' : 'ltr';
document.title = t('optionsTitle');
const root = document.getElementById('app');
if (root) render(<Options />, root);
