import { builder } from '../graphql/builder';
import { ProjectRef } from '../projects/schema';
import * as demo from './service';

builder.queryFields((t) => ({
  demoProjectOffered: t.boolean({
    description: 'True when the caller can open their own demo project: demos are on (SEED_DEMO) and they have none yet.',
    resolve: (_root, _args, ctx) => demo.demoProjectOffered(ctx),
  }),
}));

builder.mutationFields((t) => ({
  openDemoProject: t.field({
    type: ProjectRef,
    description:
      "The caller's own copy of the demo project (SIM350, its prior and gold standard, finished DASH and IMP runs), seeded now when they have none. FORBIDDEN when SEED_DEMO=false.",
    resolve: (_root, _args, ctx) => demo.openDemoProject(ctx),
  }),
}));
