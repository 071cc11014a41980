import { render } from 'preact';
import { App } from './app';
import { callBackground, t } from '../platform/messaging';

const root = document.getElementById('app');
if (root) render(<App api={{ info: () => callBackground({ type: 'app/info' }) }} t={t} />, root);
