import { builder } from './builder';
// Each domain registers its types and fields on the builder when imported. Add one line per domain.
import '../accounts/schema';
import '../audit/schema';
import '../benchmarks/schema';
import '../datasets/schema';
import '../demo/schema';
import '../gold-standards/schema';
import '../notifications/schema';
import '../priors/schema';
import '../projects/schema';
import '../reviews/schema';
import '../replicates/schema';
import '../levels/schema';
import '../runs/schema';
import '../sweeps/schema';
import '../comparisons/schema';

export const schema = builder.toSchema({ sortSchema: true });
