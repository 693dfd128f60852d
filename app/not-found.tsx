import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="page-narrow">
      <h1>Page not found</h1>
      <p className="muted">There is nothing at this address.</p>
      <p>
        <Link href="/">Go to your projects</Link>
      </p>
    </div>
  );
}
