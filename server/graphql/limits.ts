import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
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
 * Query depth and cost limits, as validation rules so an expensive query is refused before any resolver
 * runs. Cost: every field costs 1; a list field multiplies the cost of what it selects by its size,
 * taken from a `limit`/`first` argument when given as a literal, otherwise from `defaultListSize`.
 * Introspection fields (`__schema`, `__type`) are not counted: introspection is off in production.
 */
export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  defaultListSize: number;
}

export const defaultQueryLimits: QueryLimits = { maxDepth: 10, maxCost: 20_000, defaultListSize: 20 };

interface Measure {
  depth: number;
  cost: number;
}

export function queryLimitRules(limits: QueryLimits = defaultQueryLimits): ValidationRule[] {
  return [(context) => limitRule(context, limits)];
}

function limitRule(context: ValidationContext, limits: QueryLimits): ASTVisitor {
  return {
    OperationDefinition(node: OperationDefinitionNode) {
      const schema = context.getSchema();
      const root =
        node.operation === 'mutation' ? schema.getMutationType()
        : node.operation === 'subscription' ? schema.getSubscriptionType()
        : schema.getQueryType();
      if (!root) return;
      const { depth, cost } = measureSelection(context, root, node.selectionSet, limits, new Set());
      const name = node.name ? ` "${node.name.value}"` : '';
      if (depth > limits.maxDepth) {
        context.reportError(
          new GraphQLError(
            `The operation${name} is nested ${depth} levels deep; the limit is ${limits.maxDepth}. Split it into smaller queries.`,
            { nodes: [node], extensions: { reason: 'QUERY_TOO_DEEP', depth, maxDepth: limits.maxDepth } },
          ),
        );
      }
      if (cost > limits.maxCost) {
        context.reportError(
          new GraphQLError(
            `The operation${name} has an estimated cost of ${cost}; the limit is ${limits.maxCost}. Ask for fewer items or fields.`,
            { nodes: [node], extensions: { reason: 'QUERY_TOO_COSTLY', cost, maxCost: limits.maxCost } },
          ),
        );
      }
    },
  };
}

function measureSelection(
  context: ValidationContext,
  parent: GraphQLNamedType,
  selectionSet: SelectionSetNode,
  limits: QueryLimits,
  fragmentsInUse: Set<string>,
): Measure {
  let depth = 0;
  let cost = 0;
  const add = (m: Measure) => {
    depth = Math.max(depth, m.depth);
    cost += m.cost;
  };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      add(measureField(context, parent, selection, limits, fragmentsInUse));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const typeName = selection.typeCondition?.name.value;
      const type = typeName ? context.getSchema().getType(typeName) : parent;
      if (type) add(measureSelection(context, type, selection.selectionSet, limits, fragmentsInUse));
    } else {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      // Cycles are reported by graphql's own NoFragmentCycles rule; here they only must not loop.
      if (!fragment || fragmentsInUse.has(name)) continue;
      const type = context.getSchema().getType(fragment.typeCondition.name.value);
      if (!type) continue;
      fragmentsInUse.add(name);
      add(measureSelection(context, type, fragment.selectionSet, limits, fragmentsInUse));
      fragmentsInUse.delete(name);
    }
  }
  return { depth, cost };
}

function measureField(
  context: ValidationContext,
  parent: GraphQLNamedType,
  node: FieldNode,
  limits: QueryLimits,
  fragmentsInUse: Set<string>,
): Measure {
  const name = node.name.value;
  if (name.startsWith('__')) return { depth: 0, cost: 0 };
  const field: GraphQLField<unknown, unknown> | undefined =
    isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  // Depth counts the levels of selection sets: `{ me { id } }` is 1 deep.
  if (!field || !node.selectionSet) return { depth: 0, cost: 1 };
  const child = measureSelection(context, getNamedType(field.type), node.selectionSet, limits, fragmentsInUse);
  const size = isListType(getNullableType(field.type)) ? listSize(node, limits) : 1;
  return { depth: child.depth + 1, cost: 1 + size * child.cost };
}

function listSize(node: FieldNode, limits: QueryLimits): number {
  const arg = node.arguments?.find((a) => a.name.value === 'limit' || a.name.value === 'first');
  if (arg?.value.kind === Kind.INT) return Math.max(1, Number(arg.value.value));
  return limits.defaultListSize;
}
