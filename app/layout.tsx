import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { TopBar } from './components/top-bar';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'GRN Studio', template: '%s · GRN Studio' },
  description: 'Collaborative gene regulatory network inference with prior knowledge (PHOENIX + DASH).',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// Every page depends on who is signed in; nothing is prerendered at build time.
export const dynamic = 'force-dynamic';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <TopBar />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
