import { RunsView } from './runs-view';

export default function RunsPage() {
  return <RunsView />;
}
