import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import '../../components/options/options.css';
import { AnnotatorDB } from '../../storage/schema';

render(<OptionsApp db={new AnnotatorDB()} />, document.getElementById('app')!);
