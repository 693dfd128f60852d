import { DatasetsView } from './datasets-view';

export default function DatasetsPage() {
  return <DatasetsView />;
}
