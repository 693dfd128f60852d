import { GoldStandardsView } from './gold-standards-view';

export default function GoldStandardsPage() {
  return <GoldStandardsView />;
}
