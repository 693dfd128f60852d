import { describe, expect, it } from 'vitest';
import { aliasDeepImports } from './alias-imports';

describe('alias-imports codemod', () => {
  it('rewrites imports with two or more ../ to @/, in every import form', () => {
    const source = [
      "import { a } from '../../../../server/errors';",
      'import type { B } from "../../../../db/schema";',
      "export * from '../../queries';",
      "import '../../../../server/env';",
      "const m = await import('../../../../server/db');",
      "vi.mock('../../../../server/mail/mailer');",
    ].join('\n');
    expect(aliasDeepImports('app/projects/[projectId]/runs/page.tsx', source).text.split('\n')).toEqual([
      "import { a } from '@/server/errors';",
      'import type { B } from "@/db/schema";',
      "export * from '@/app/projects/queries';",
      "import '@/server/env';",
      "const m = await import('@/server/db');",
      "vi.mock('@/server/mail/mailer');",
    ]);
  });

  it('rewrites a multi-line import and leaves source text inside strings alone', () => {
    const source = ["import {\n  a,\n  b,\n} from '../../../../server/errors';", '  "export * from \'../../queries\';",'].join('\n');
    expect(aliasDeepImports('app/projects/[projectId]/runs/page.tsx', source)).toEqual({
      text: ["import {\n  a,\n  b,\n} from '@/server/errors';", '  "export * from \'../../queries\';",'].join('\n'),
      rewritten: 1,
    });
  });

  it('leaves neighbours, aliased imports, file paths and paths above the repository alone', () => {
    const source = [
      "import { x } from './x';",
      "import { y } from '../y';",
      "import { z } from '@/server/z';",
      "const file = path.resolve(here, '../../../shared/data');",
      "import { far } from '../../../../outside';",
    ].join('\n');
    expect(aliasDeepImports('compute/bench/compute.ts', source)).toEqual({ text: source, rewritten: 0 });
  });
});
