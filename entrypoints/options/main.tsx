import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import '../../components/options/options.css';
import { AnnotatorDB } from '../../storage/schema';
import { keepBackgroundListening } from '../../extension/keep-background-listening';

render(<OptionsApp db={new AnnotatorDB()} />, document.getElementById('app')!);
// This page writes: the background must be running to relay its changes to open panels.
keepBackgroundListening();
