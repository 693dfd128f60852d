import { CompareView } from './compare-view';

export default function ComparePage() {
  return <CompareView />;
}
