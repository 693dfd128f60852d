import { Overview } from './overview/overview';

export default function ProjectOverviewPage() {
  return <Overview />;
}
