import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import '../../components/popup/popup.css';
import { AnnotatorDB } from '../../storage/schema';

render(<PopupApp db={new AnnotatorDB()} />, document.getElementById('app')!);
