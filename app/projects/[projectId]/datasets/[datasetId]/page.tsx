import { DatasetView } from './dataset-view';

export default async function DatasetPage({ params }: { params: Promise<{ datasetId: string }> }) {
  const { datasetId } = await params;
  return <DatasetView datasetId={datasetId} />;
}
