import {
  GraphQLError,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromAST,
  type ASTVisitor,
  type OperationDefinitionNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * Query depth, cost and mutation-count limits, as validation rules so an expensive operation is refused
 * before any resolver runs. Cost: every field node costs 1, each alias and each introspection field
 * (`__typename` too) included; a list field multiplies the cost of what it selects by its size, the
 * `limit`/`first` argument's real value (a literal, or the request's variable), else the argument's
 * default, else `defaultListSize`. Introspection lists are not multiplied (the schema is small and
 * introspection is off in production). A mutation may run at most `maxMutationFields` root fields:
 * sixty aliased signUps in one request made sixty accounts past any per-request throttle.
 */
export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  defaultListSize: number;
  maxMutationFields: number;
  /** Aliases fetch one field with different arguments; thousands of them only multiply resolver calls. */
  maxAliases: number;
}

/** maxCost fits the largest page the API serves: 5,000 prior edges × 5 fields. */
export const defaultQueryLimits: QueryLimits = { maxDepth: 10, maxCost: 30_000, defaultListSize: 20, maxMutationFields: 5, maxAliases: 100 };

interface Measure {
  depth: number;
  cost: number;
}

type Variables = Readonly<Record<string, unknown>> | undefined;

/** The rules for one request: `variables` are its variables, so `limit: $n` costs what it asks for. */
export function queryLimitRules(limits: QueryLimits = defaultQueryLimits, variables?: Variables): ValidationRule[] {
  return [(context) => limitRule(context, limits, variables)];
}

function limitRule(context: ValidationContext, limits: QueryLimits, variables: Variables): ASTVisitor {
  return {
    OperationDefinition(node: OperationDefinitionNode) {
      const schema = context.getSchema();
      const root =
        node.operation === 'mutation' ? schema.getMutationType() : node.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
      if (!root) return;
      const measuring: Measuring = { context, limits, variables, fragmentsInUse: new Set(), introspection: false };
      const { depth, cost } = measureSelection(measuring, root, node.selectionSet);
      const name = node.name ? ` "${node.name.value}"` : '';
      const refuse = (message: string, extensions: Record<string, unknown>) => context.reportError(new GraphQLError(message, { nodes: [node], extensions }));
      if (depth > limits.maxDepth) {
        refuse(`The operation${name} is nested ${depth} levels deep; the limit is ${limits.maxDepth}. Split it into smaller queries.`, {
          reason: 'QUERY_TOO_DEEP',
          depth,
          maxDepth: limits.maxDepth,
        });
      }
      if (cost > limits.maxCost) {
        refuse(`The operation${name} has an estimated cost of ${cost}; the limit is ${limits.maxCost}. Ask for fewer items or fields.`, {
          reason: 'QUERY_TOO_COSTLY',
          cost,
          maxCost: limits.maxCost,
        });
      }
      const aliases = countAliases(context, node.selectionSet, new Set());
      if (aliases > limits.maxAliases) {
        refuse(`The operation${name} uses ${aliases} aliases; the limit is ${limits.maxAliases}.`, {
          reason: 'TOO_MANY_ALIASES',
          aliases,
          maxAliases: limits.maxAliases,
        });
      }
      if (node.operation === 'mutation') {
        const fields = countRootFields(context, node.selectionSet, new Set());
        if (fields > limits.maxMutationFields) {
          refuse(`The mutation${name} runs ${fields} mutations; at most ${limits.maxMutationFields} may run in one request.`, {
            reason: 'TOO_MANY_MUTATIONS',
            fields,
            maxMutationFields: limits.maxMutationFields,
          });
        }
      }
    },
  };
}

interface Measuring {
  context: ValidationContext;
  limits: QueryLimits;
  variables: Variables;
  fragmentsInUse: Set<string>;
  /** Inside __schema or __type: every field costs 1, lists are not multiplied. */
  introspection: boolean;
  /** A page object's `limit` (e.g. `edges(limit: 500) { total edges { … } }`) sizes the lists inside it. */
  pageSize?: number;
}

function measureSelection(m: Measuring, parent: GraphQLNamedType, selectionSet: SelectionSetNode): Measure {
  let depth = 0;
  let cost = 0;
  const add = (x: Measure) => {
    depth = Math.max(depth, x.depth);
    cost += x.cost;
  };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      add(measureField(m, parent, selection));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const typeName = selection.typeCondition?.name.value;
      const type = typeName ? m.context.getSchema().getType(typeName) : parent;
      if (type) add(measureSelection(m, type, selection.selectionSet));
    } else {
      const name = selection.name.value;
      const fragment = m.context.getFragment(name);
      // Cycles are reported by graphql's own NoFragmentCycles rule; here they only must not loop.
      if (!fragment || m.fragmentsInUse.has(name)) continue;
      const type = m.context.getSchema().getType(fragment.typeCondition.name.value);
      if (!type) continue;
      m.fragmentsInUse.add(name);
      add(measureSelection(m, type, fragment.selectionSet));
      m.fragmentsInUse.delete(name);
    }
  }
  return { depth, cost };
}

function lookUpField(parent: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === '__typename') return TypeNameMetaFieldDef;
  if (name === '__schema') return SchemaMetaFieldDef;
  if (name === '__type') return TypeMetaFieldDef;
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

function measureField(m: Measuring, parent: GraphQLNamedType, node: FieldNode): Measure {
  const field = lookUpField(parent, node.name.value);
  // Depth counts the levels of selection sets: `{ me { id } }` is 1 deep.
  if (!field || !node.selectionSet) return { depth: 0, cost: 1 };
  const isList = isListType(getNullableType(field.type));
  const paged = !isList && hasLimitArg(field);
  const inner: Measuring = {
    ...m,
    introspection: m.introspection || node.name.value.startsWith('__'),
    pageSize: paged ? listSize(m, field, node) : undefined,
  };
  const child = measureSelection(inner, getNamedType(field.type), node.selectionSet);
  const size = !inner.introspection && isList ? (hasLimitArg(field) || m.pageSize === undefined ? listSize(m, field, node) : m.pageSize) : 1;
  return { depth: child.depth + 1, cost: 1 + size * child.cost };
}

const hasLimitArg = (field: GraphQLField<unknown, unknown>) => field.args.some((a) => a.name === 'limit' || a.name === 'first');

function listSize(m: Measuring, field: GraphQLField<unknown, unknown>, node: FieldNode): number {
  const argNode = node.arguments?.find((a) => a.name.value === 'limit' || a.name.value === 'first');
  const argDef = field.args.find((a) => a.name === (argNode?.name.value ?? 'limit')) ?? field.args.find((a) => a.name === 'first');
  let value: unknown = argNode && argDef ? valueFromAST(argNode.value, argDef.type, m.variables as Record<string, unknown> | undefined) : undefined;
  if (value === undefined || value === null) value = argDef?.defaultValue;
  if (typeof value === 'number' && Number.isFinite(value)) return Math.max(1, value);
  return m.limits.defaultListSize;
}

/** Root fields of a mutation, aliases and fragment spreads included. */
function countRootFields(context: ValidationContext, selectionSet: SelectionSetNode, fragmentsInUse: Set<string>): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') count++;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += countRootFields(context, selection.selectionSet, fragmentsInUse);
    } else {
      const fragment = context.getFragment(selection.name.value);
      if (!fragment || fragmentsInUse.has(selection.name.value)) continue;
      fragmentsInUse.add(selection.name.value);
      count += countRootFields(context, fragment.selectionSet, fragmentsInUse);
      fragmentsInUse.delete(selection.name.value);
    }
  }
  return count;
}

/** Aliased fields at any depth; a fragment counts each time it is spread. */
function countAliases(context: ValidationContext, selectionSet: SelectionSetNode, fragmentsInUse: Set<string>): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) count++;
      if (selection.selectionSet) count += countAliases(context, selection.selectionSet, fragmentsInUse);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += countAliases(context, selection.selectionSet, fragmentsInUse);
    } else {
      const fragment = context.getFragment(selection.name.value);
      if (!fragment || fragmentsInUse.has(selection.name.value)) continue;
      fragmentsInUse.add(selection.name.value);
      count += countAliases(context, fragment.selectionSet, fragmentsInUse);
      fragmentsInUse.delete(selection.name.value);
    }
  }
  return count;
}
