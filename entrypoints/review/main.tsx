import { render } from 'preact';
import { ReviewApp } from '../../components/review/ReviewApp';
import '../../components/review/review.css';
import { AnnotatorDB } from '../../storage/schema';

render(<ReviewApp db={new AnnotatorDB()} />, document.getElementById('app')!);
