import { PriorsView } from './priors-view';

export default function PriorsPage() {
  return <PriorsView />;
}
