import { redirect } from 'next/navigation';

/** The project list lives at the root; /projects is kept as a friendly alias. */
export default function ProjectsAlias() {
  redirect('/');
}
