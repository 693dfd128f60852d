import { GoldStandardView } from './gold-standard-view';

export default async function GoldStandardPage({ params }: { params: Promise<{ goldStandardId: string }> }) {
  const { goldStandardId } = await params;
  return <GoldStandardView goldStandardId={goldStandardId} />;
}
