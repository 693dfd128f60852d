import { LaunchForm } from './launch-form';

export default function NewRunPage() {
  return <LaunchForm />;
}
