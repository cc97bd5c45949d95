// @ts-check
/**
 * no-stored-promise: a promise kept in a variable (or an array of them) and awaited later is left
 * unawaited on every path that throws in between; its rejection is then unhandled, which fails the
 * whole invocation on Forge (issue #10: checkIns.create lost its reads when the write threw first).
 * no-floating-promises does not see it: the promise is "used" by the assignment.
 *
 * Allowed: `await` at once, `Promise.all([...])` awaited at once, a memo assigned and handed on in the
 * same expression (`return (memo ??= load())`), or a call to one of the `allow` helpers (startEarly),
 * which handles the rejection if the caller never gets to await it.
 */

/** @param {import('typescript').Type} type */
const isThenable = (type) => {
  if (type.isUnion()) return type.types.some(isThenable);
  const then = type.getProperty('then');
  return then !== undefined;
};

/**
 * @param {import('typescript').TypeChecker} checker
 * @param {import('typescript').Type} type
 */
const holdsPromises = (checker, type) => {
  if (isThenable(type)) return true;
  if (type.isUnion()) return type.types.some((t) => holdsPromises(checker, t));
  // Arrays and tuples of promises: Promise.all on them later has the same gap.
  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    return checker.getTypeArguments(/** @type {import('typescript').TypeReference} */ (type)).some(isThenable);
  }
  return false;
};

/** @type {import('eslint').Rule.RuleModule} */
const noStoredPromise = {
  meta: {
    type: 'problem',
    docs: { description: 'a promise stored to be awaited later is unhandled when the code throws first' },
    schema: [
      {
        type: 'object',
        properties: { allow: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    messages: {
      stored:
        "'{{name}}' holds a promise awaited later: if anything throws before that await, its rejection is unhandled. Await it now, use Promise.all, or wrap it in {{allow}}.",
    },
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    if (services?.program == null || services.esTreeNodeToTSNodeMap == null) return {};
    const checker = services.program.getTypeChecker();
    const allow = new Set(/** @type {{allow?: string[]}} */ (context.options[0] ?? {}).allow ?? ['startEarly']);

    /** @param {import('estree').Node} node */
    const isAllowedCall = (node) =>
      node.type === 'CallExpression' && node.callee.type === 'Identifier' && allow.has(node.callee.name);

    /**
     * @param {import('estree').Node} target
     * @param {import('estree').Node} value
     */
    const check = (target, value) => {
      if (value.type === 'AwaitExpression' || isAllowedCall(value)) return;
      // A function expression stored in a variable is not a started promise.
      if (value.type === 'ArrowFunctionExpression' || value.type === 'FunctionExpression') return;
      const tsNode = services.esTreeNodeToTSNodeMap.get(/** @type {never} */ (value));
      if (!holdsPromises(checker, checker.getTypeAtLocation(tsNode))) return;
      const name = target.type === 'Identifier' ? target.name : context.sourceCode.getText(target);
      context.report({ node: value, messageId: 'stored', data: { name, allow: [...allow].join(' / ') } });
    };

    return {
      VariableDeclarator(node) {
        if (node.init != null) check(node.id, node.init);
      },
      AssignmentExpression(node) {
        // `return (memo ??= load())`: the promise goes on to its first awaiter at once; the memo only
        // shares it. Only an assignment made as a statement keeps a promise for later.
        if (node.parent.type !== 'ExpressionStatement') return;
        check(node.left, node.right);
      },
    };
  },
};

module.exports = { rules: { 'no-stored-promise': noStoredPromise } };
