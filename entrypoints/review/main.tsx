import { render } from 'preact';
import { ReviewApp } from '../../components/review/ReviewApp';
import '../../components/review/review.css';
import { AnnotatorDB } from '../../storage/schema';
import { keepBackgroundListening } from '../../extension/keep-background-listening';

render(<ReviewApp db={new AnnotatorDB()} />, document.getElementById('app')!);
// This page writes: the background must be running to relay its changes to open panels.
keepBackgroundListening();
