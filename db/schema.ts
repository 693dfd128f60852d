/**
 * The whole product's data model. Later features fill in behaviour; the tables are here from the start
 * so that migrations stay additive.
 *
 * Conventions: uuid primary keys, `created_at` on every row, gene names stored as text (datasets, priors
 * and gold standards may name different gene sets; matching happens at use).
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

// ── accounts ────────────────────────────────────────────────────────────────

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased; unique. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** scrypt hash `scrypt$N$r$p$salt$hash`; null for users who only sign in through OIDC. */
    passwordHash: text('password_hash'),
    createdAt: createdAt(),
    /**
     * When the address was shown to be the user's: at sign-up where no mailer is configured (nothing could
     * verify it), by an OIDC provider, or by the emailed link. Null: unverified (see server/accounts/verification.ts).
     */
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    /** sha256 of the one open verification link's token; cleared when used, replaced when resent. */
    verificationTokenHash: text('verification_token_hash'),
    /** When the open link was sent; it expires VERIFICATION_HOURS later. */
    verificationSentAt: timestamp('verification_sent_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email), uniqueIndex('users_verification_token_hash_key').on(t.verificationTokenHash)],
);

/**
 * One row per signed-in browser session. The session cookie (a next-auth JWT) names its row; a revoked
 * row (sign-out, password change) stops the cookie from authenticating even though the JWT is still valid.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('user_sessions_user_idx').on(t.userId)],
);

/**
 * Counters behind sign-in and sign-up throttling, kept in the database so every app process agrees.
 * `key` is e.g. `signin-account:<email>`, `signin-address:<ip>`, `signup-address:<ip>`.
 */
export const authThrottle = pgTable('auth_throttle', {
  key: text('key').primaryKey(),
  hits: integer('hits').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
});

/** Links to external identity providers (OIDC single sign-on). */
export const identities = pgTable(
  'identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    subject: text('subject').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('identities_provider_subject_key').on(t.provider, t.subject)],
);

/** Personal API tokens for scripts; only a SHA-256 of the secret is stored. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** First characters of the secret, shown in the UI so a user can tell tokens apart. */
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_tokens_hash_key').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);

// ── projects and membership ────────────────────────────────────────────────

export const projectRole = pgEnum('project_role', ['owner', 'editor', 'viewer']);

export const projects = pgTable('projects', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const memberships = pgTable(
  'memberships',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: projectRole('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

/**
 * An invitation to join a project, answered through a one-time link (`/invite/<token>`) by whoever holds it,
 * signed in with any account. Only the token's SHA-256 is stored. Closed once accepted, declined or cancelled.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: projectRole('role').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    /** Null only for invitations made before links existed: they cannot be answered, only re-sent. */
    tokenHash: text('token_hash'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('invitations_project_email_key').on(t.projectId, t.email), uniqueIndex('invitations_token_hash_key').on(t.tokenHash)],
);

// ── audit ───────────────────────────────────────────────────────────────────

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Null for account-level events (sign-up, tokens). */
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** Dotted verb, e.g. `project.create`, `member.role_change`, `prior.version_create`. */
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    details: jsonb('details').notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
  },
  (t) => [index('audit_project_time_idx').on(t.projectId, t.createdAt)],
);

// ── datasets ────────────────────────────────────────────────────────────────

export const datasets = pgTable(
  'datasets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Upload layout: `trajectory-csv`, `tidy-csv`, `matrix-pseudotime`. */
    sourceFormat: text('source_format').notNull(),
    /** Gene names in the column order of every stored trajectory. */
    genes: jsonb('genes').$type<string[]>().notNull(),
    geneCount: integer('gene_count').notNull(),
    trajectoryCount: integer('trajectory_count').notNull(),
    /** Noise-free data marked as such (synthetic benchmarks): runs may add σ noise at load. */
    isSynthetic: boolean('is_synthetic').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('datasets_project_idx').on(t.projectId)],
);

export const datasetTrajectories = pgTable(
  'dataset_trajectories',
  {
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    index: integer('index').notNull(),
    /** Held-out role chosen at upload: `train` (train/validation pool) or `test`. */
    role: text('role').notNull().default('train'),
    times: jsonb('times').$type<number[]>().notNull(),
    /** values[k][g]: gene g at times[k]; null where missing. */
    values: jsonb('values').$type<(number | null)[][]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.datasetId, t.index] })],
);

// ── prior networks: immutable versions ─────────────────────────────────────

export const priorNetworks = pgTable(
  'prior_networks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** The newest version; edits must name it as their base, so concurrent edits are detected. */
    headVersionId: uuid('head_version_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('prior_networks_project_idx').on(t.projectId)],
);

export const priorVersions = pgTable(
  'prior_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    priorId: uuid('prior_id')
      .notNull()
      .references(() => priorNetworks.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    parentId: uuid('parent_id'),
    message: text('message').notNull(),
    /** `import`, `edit`, `revert`. */
    kind: text('kind').notNull(),
    edgeCount: integer('edge_count').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('prior_versions_prior_number_key').on(t.priorId, t.number)],
);

/** Every version stores its full edge set: versions never change, diffs are set differences. */
export const priorEdges = pgTable(
  'prior_edges',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => priorVersions.id, { onDelete: 'cascade' }),
    /** regulator and target are `collate "C"` (migration 0007): the primary key is then the edge pages' byte order. */
    regulator: text('regulator').notNull(),
    target: text('target').notNull(),
    /** +1 activation, −1 repression, 0 unknown. */
    sign: smallint('sign').notNull(),
    weight: doublePrecision('weight').notNull().default(1),
    evidence: text('evidence').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.regulator, t.target] })],
);

// ── gold standards ──────────────────────────────────────────────────────────

export const goldStandards = pgTable(
  'gold_standards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Where it came from (e.g. ChIP-seq study, database release). */
    source: text('source').notNull().default(''),
    edgeCount: integer('edge_count').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('gold_standards_project_idx').on(t.projectId)],
);

export const goldStandardEdges = pgTable(
  'gold_standard_edges',
  {
    goldStandardId: uuid('gold_standard_id')
      .notNull()
      .references(() => goldStandards.id, { onDelete: 'cascade' }),
    regulator: text('regulator').notNull(),
    target: text('target').notNull(),
    sign: smallint('sign').notNull().default(0),
    score: doublePrecision('score'),
  },
  (t) => [primaryKey({ columns: [t.goldStandardId, t.regulator, t.target] })],
);

// ── runs ────────────────────────────────────────────────────────────────────

export const runStatus = pgEnum('run_status', ['queued', 'running', 'succeeded', 'failed', 'cancelled']);

/** A λ grid launched together; its runs point here. */
export const sweeps = pgTable('sweeps', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: uuid('project_id')
    .notNull()
    .references(() => projects.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  config: jsonb('config').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

export const runs = pgTable(
  'runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'restrict' }),
    priorVersionId: uuid('prior_version_id').references(() => priorVersions.id, { onDelete: 'restrict' }),
    sweepId: uuid('sweep_id').references(() => sweeps.id, { onDelete: 'set null' }),
    /** The run this one was re-launched from. */
    relaunchOfId: uuid('relaunch_of_id'),
    strategy: text('strategy').notNull(),
    /** Full training configuration as given to compute (hyperparameters, schedule, solver). */
    config: jsonb('config').notNull(),
    seed: integer('seed').notNull(),
    /** Code version (git commit or package version) that ran it. */
    codeVersion: text('code_version').notNull(),
    status: runStatus('status').notNull().default('queued'),
    /** Latest progress: epoch, totalEpochs, trainLoss, valLoss, sparsity, phase. */
    progress: jsonb('progress'),
    /** Summary: sparsity, valMse, testMse, bestEpoch, epochsRun, secondsPerEpoch. */
    summary: jsonb('summary'),
    /** Serialized best model (see compute/formats/weights) for reading effects again and for resume. */
    model: jsonb('model'),
    /** Latest training checkpoint so a killed worker's run resumes instead of restarting. */
    checkpoint: jsonb('checkpoint'),
    error: text('error'),
    jobId: text('job_id'),
    workerId: text('worker_id'),
    attempts: integer('attempts').notNull().default(0),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    /** Renewed by the worker holding the run; a stale heartbeat lets another worker take a retried run over. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('runs_project_idx').on(t.projectId, t.createdAt), index('runs_sweep_idx').on(t.sweepId)],
);

/** One row per epoch: the training curves. */
export const runEpochs = pgTable(
  'run_epochs',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    epoch: integer('epoch').notNull(),
    trainLoss: doublePrecision('train_loss').notNull(),
    valLoss: doublePrecision('val_loss').notNull(),
    /** Standard error of valLoss over the validation trajectories; null with one, and for older runs. */
    valSe: doublePrecision('val_se'),
    sparsity: doublePrecision('sparsity').notNull(),
    learningRate: doublePrecision('learning_rate').notNull(),
    seconds: doublePrecision('seconds').notNull(),
    /** A pruning event happened at the end of this epoch (marked on the loss curves). */
    pruned: boolean('pruned').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.epoch] })],
);

/** Nonzero entries of the run's effects matrix (regulator → target). */
export const inferredEdges = pgTable(
  'inferred_edges',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    regulator: text('regulator').notNull(),
    target: text('target').notNull(),
    effect: doublePrecision('effect').notNull(),
    /** 1 = largest |effect| in the run. */
    rank: integer('rank').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.regulator, t.target] }), index('inferred_edges_rank_idx').on(t.runId, t.rank)],
);

/** Raw bytes (bytea): a level network's packed pairs and effects, 8 bytes an edge. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * The best-validation model of each pruning level of a run, as its sparse effects, so the run page can
 * show, score and export the network at any level. `pairs`: little-endian uint32 regulator·n + target
 * (genes of the run's dataset, ascending); `effects`: little-endian float32, one per pair.
 */
export const runLevelNetworks = pgTable(
  'run_level_networks',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    level: integer('level').notNull(),
    firstEpoch: integer('first_epoch').notNull(),
    lastEpoch: integer('last_epoch').notNull(),
    bestEpoch: integer('best_epoch').notNull(),
    sparsity: doublePrecision('sparsity').notNull(),
    valMse: doublePrecision('val_mse').notNull(),
    valSe: doublePrecision('val_se'),
    testMse: doublePrecision('test_mse'),
    edgeCount: integer('edge_count').notNull(),
    pairs: bytea('pairs').notNull(),
    effects: bytea('effects').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.level] })],
);

/** Metrics of a run against one gold standard (or the synthetic truth): computed when the run succeeds, when the gold standard is imported, or on request; kept. */
export const runMetrics = pgTable(
  'run_metrics',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    goldStandardId: uuid('gold_standard_id')
      .notNull()
      .references(() => goldStandards.id, { onDelete: 'cascade' }),
    metrics: jsonb('metrics').notNull(),
    computedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.goldStandardId] })],
);

// ── reviews ─────────────────────────────────────────────────────────────────
// A reviewed edge is (project, regulator, target): its decision follows the edge across runs, datasets and
// prior versions. `edge_reviews` holds the edge's current state (status + version for optimistic concurrency),
// `review_verdicts` each reviewer's current verdict, `review_verdict_changes` every change ever made.

export const edgeReviewStatus = pgEnum('edge_review_status', ['unreviewed', 'accepted', 'rejected', 'needs_evidence', 'disputed']);
export const verdictKind = pgEnum('verdict_kind', ['accepted', 'rejected', 'needs_evidence']);
export const rejectionReason = pgEnum('rejection_reason', ['wrong_sign', 'wrong_direction', 'indirect', 'no_relation', 'other']);
export const notificationKind = pgEnum('notification_kind', ['mention', 'reply', 'verdict', 'dispute', 'settled']);

export interface EvidenceEntry {
  kind: 'pmid' | 'doi' | 'database' | 'text';
  value: string;
}

export const edgeReviews = pgTable(
  'edge_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    regulator: text('regulator').notNull(),
    target: text('target').notNull(),
    /** Derived by edgeStatus (server/reviews/status.ts) on every write; stored so the queue can filter by it. */
    status: edgeReviewStatus('status').notNull().default('unreviewed'),
    /** Bumped by every write on the edge; writers name the version they saw (expectedVersion). */
    version: integer('version').notNull().default(0),
    verdictCount: integer('verdict_count').notNull().default(0),
    commentCount: integer('comment_count').notNull().default(0),
    settledStatus: edgeReviewStatus('settled_status'),
    settledNote: text('settled_note'),
    settledBy: uuid('settled_by').references(() => users.id, { onDelete: 'set null' }),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('edge_reviews_edge_key').on(t.projectId, t.regulator, t.target), index('edge_reviews_status_idx').on(t.projectId, t.status)],
);

/** Each reviewer's current verdict on an edge (one row per reviewer; a withdrawn verdict is deleted). */
export const reviewVerdicts = pgTable(
  'review_verdicts',
  {
    edgeId: uuid('edge_id')
      .notNull()
      .references(() => edgeReviews.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    verdict: verdictKind('verdict').notNull(),
    reason: rejectionReason('reason'),
    reasonNote: text('reason_note'),
    /** The sign the reviewer judged: +1, −1, 0 unknown; null when not given. */
    sign: smallint('sign'),
    evidence: jsonb('evidence').$type<EvidenceEntry[]>().notNull().default(sql`'[]'::jsonb`),
    /** The run (and its |effect|) the verdict was judged on. */
    runId: uuid('run_id').references(() => runs.id, { onDelete: 'set null' }),
    effect: doublePrecision('effect'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.edgeId, t.reviewerId] }), index('review_verdicts_reviewer_idx').on(t.reviewerId)],
);

/** Every verdict change: from → to (null from: first verdict; null to: withdrawn). */
export const reviewVerdictChanges = pgTable(
  'review_verdict_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    edgeId: uuid('edge_id')
      .notNull()
      .references(() => edgeReviews.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id').references(() => users.id, { onDelete: 'set null' }),
    fromVerdict: verdictKind('from_verdict'),
    toVerdict: verdictKind('to_verdict'),
    reason: rejectionReason('reason'),
    reasonNote: text('reason_note'),
    sign: smallint('sign'),
    evidence: jsonb('evidence').$type<EvidenceEntry[]>().notNull().default(sql`'[]'::jsonb`),
    runId: uuid('run_id').references(() => runs.id, { onDelete: 'set null' }),
    effect: doublePrecision('effect'),
    createdAt: createdAt(),
  },
  (t) => [index('review_verdict_changes_edge_idx').on(t.edgeId, t.id)],
);

export const edgeComments = pgTable(
  'edge_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    edgeId: uuid('edge_id')
      .notNull()
      .references(() => edgeReviews.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    runId: uuid('run_id').references(() => runs.id, { onDelete: 'set null' }),
    /** Reply threading: the thread's root (replies to replies attach to the root). */
    parentId: uuid('parent_id'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    /** User ids mentioned in the current body. */
    mentions: jsonb('mentions').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: createdAt(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('edge_comments_edge_idx').on(t.edgeId, t.createdAt)],
);

/** Earlier bodies of edited or deleted comments (the history keeps them). */
export const edgeCommentRevisions = pgTable(
  'edge_comment_revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    commentId: uuid('comment_id')
      .notNull()
      .references(() => edgeComments.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    /** When this body was written. */
    writtenAt: timestamp('written_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('edge_comment_revisions_comment_idx').on(t.commentId, t.id)],
);

/** Which prior versions an edge entered, left or changed sign in because of reviews. */
export const reviewVersionLinks = pgTable(
  'review_version_links',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => priorVersions.id, { onDelete: 'cascade' }),
    edgeId: uuid('edge_id')
      .notNull()
      .references(() => edgeReviews.id, { onDelete: 'cascade' }),
    /** `add`, `remove` or `flip`. */
    change: text('change').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.edgeId] }), index('review_version_links_edge_idx').on(t.edgeId)],
);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: notificationKind('kind').notNull(),
    regulator: text('regulator').notNull(),
    target: text('target').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    commentId: uuid('comment_id').references(() => edgeComments.id, { onDelete: 'set null' }),
    excerpt: text('excerpt'),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

// ── synthetic benchmarks ────────────────────────────────────────────────────

/**
 * A SIM-style benchmark simulated from a prior version's network (server/benchmarks). A worker fills in
 * the dataset and the gold standard (the true network) together, in one transaction; until then both are null.
 */
export const syntheticBenchmarks = pgTable(
  'synthetic_benchmarks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The network simulated; the record outlives a deleted prior (its dataset and gold standard stand alone). */
    priorVersionId: uuid('prior_version_id').references(() => priorVersions.id, { onDelete: 'set null' }),
    trajectories: integer('trajectories').notNull(),
    timePoints: jsonb('time_points').$type<number[]>().notNull(),
    noise: doublePrecision('noise').notNull(),
    seed: integer('seed').notNull(),
    status: runStatus('status').notNull().default('queued'),
    /** `{ phase, trajectoriesDone, trajectories }`, written by the worker. */
    progress: jsonb('progress'),
    error: text('error'),
    datasetId: uuid('dataset_id').references(() => datasets.id, { onDelete: 'set null' }),
    goldStandardId: uuid('gold_standard_id').references(() => goldStandards.id, { onDelete: 'set null' }),
    geneCount: integer('gene_count'),
    edgeCount: integer('edge_count'),
    jobId: text('job_id'),
    attempts: integer('attempts').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('synthetic_benchmarks_project_idx').on(t.projectId, t.createdAt)],
);
